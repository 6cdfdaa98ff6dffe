import { config } from '#lib/server/config.ts';

/**
 * Every number the collaboration server enforces, in one place. The tunable ones come
 * from COLLAB_* variables, read and validated (with their defaults) in config.ts.
 */
const tuned = config().collab;

export const LIMITS = {
	/** Largest websocket frame accepted (ws closes with 1009 above it). */
	maxFrameBytes: tuned.maxFrameBytes,
	/** Largest encoded document state; an update that would pass it is refused. */
	maxDocumentBytes: tuned.maxDocumentBytes,
	/**
	 * Received updates waiting for dependencies that never arrive, per document: past this
	 * they are dropped and the sender closed (CloseCode.IncompleteUpdates). They also count
	 * toward maxDocumentBytes. Yjs merges each new update with what is pending, so the cap
	 * also bounds the work a flood of them can cause.
	 */
	maxPendingBytes: tuned.maxPendingBytes,
	/** Token bucket per connection: sustained messages per second and burst. */
	messagesPerSecond: tuned.messagesPerSecond,
	messageBurst: tuned.messageBurst,
	maxConnectionsPerDocument: tuned.maxConnectionsPerDocument,
	maxConnectionsPerUser: tuned.maxConnectionsPerUser,
	/** Upgrades being authenticated at once (pre-auth limit). */
	maxPendingUpgrades: tuned.maxPendingUpgrades,
	/** Awareness client ids one connection may speak for (one per tab/editor). */
	maxAwarenessClients: 4,
	/** A room without connections stays loaded this long. */
	idleUnloadMs: tuned.idleUnloadMs,
	/** Group commit: how long updates gather before one write. */
	commitIntervalMs: tuned.commitIntervalMs,
	/**
	 * A busy room sends at most one frame per peer this often: what arrives meanwhile
	 * leaves together (the first change after a quiet spell leaves at once).
	 */
	fanoutIntervalMs: tuned.fanoutIntervalMs,
	/** Compact a document's log once this many rows have piled up. */
	compactAfterRows: tuned.compactAfterRows,
	/** Retry delays for failed writes (database restart): doubles up to the maximum. */
	retryInitialMs: 100,
	retryMaxMs: 2_000
} as const;
