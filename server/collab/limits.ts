/** Every number the collaboration server enforces, in one place. */
const env = (name: string, fallback: number) => {
	const value = Number(process.env[name]);
	return Number.isFinite(value) && value > 0 ? value : fallback;
};

export const LIMITS = {
	/** Largest websocket frame accepted (ws closes with 1009 above it). */
	maxFrameBytes: env('COLLAB_MAX_FRAME_BYTES', 2 * 1024 * 1024),
	/** Largest encoded document state; an update that would pass it is refused. */
	maxDocumentBytes: env('COLLAB_MAX_DOCUMENT_BYTES', 16 * 1024 * 1024),
	/**
	 * Received updates waiting for dependencies that never arrive, per document: past this
	 * they are dropped and the sender closed (CloseCode.IncompleteUpdates). They also count
	 * toward maxDocumentBytes. Yjs merges each new update with what is pending, so the cap
	 * also bounds the work a flood of them can cause.
	 */
	maxPendingBytes: env('COLLAB_MAX_PENDING_BYTES', 1024 * 1024),
	/** Token bucket per connection: sustained messages per second and burst. */
	messagesPerSecond: env('COLLAB_MESSAGES_PER_SECOND', 60),
	messageBurst: env('COLLAB_MESSAGE_BURST', 300),
	maxConnectionsPerDocument: env('COLLAB_MAX_CONNECTIONS_PER_DOCUMENT', 250),
	maxConnectionsPerUser: env('COLLAB_MAX_CONNECTIONS_PER_USER', 30),
	/** Upgrades being authenticated at once (pre-auth limit). */
	maxPendingUpgrades: env('COLLAB_MAX_PENDING_UPGRADES', 100),
	/** Awareness client ids one connection may speak for (one per tab/editor). */
	maxAwarenessClients: 4,
	/** A room without connections stays loaded this long. */
	idleUnloadMs: env('COLLAB_IDLE_UNLOAD_MS', 30_000),
	/** Group commit: how long updates gather before one write. */
	commitIntervalMs: env('COLLAB_COMMIT_INTERVAL_MS', 25),
	/** Compact a document's log once this many rows have piled up. */
	compactAfterRows: env('COLLAB_COMPACT_AFTER_ROWS', 400),
	/** Retry delays for failed writes (database restart): doubles up to the maximum. */
	retryInitialMs: 100,
	retryMaxMs: 2_000
} as const;
