/**
 * Uploads between "upload", "map", "check" and "confirm", kept in this process's memory.
 *
 * Why here and not in a hidden form field: a 10,000-row upload is megabytes that would
 * travel to the browser and back on every step, and what comes back would have to be
 * distrusted and parsed again. Why not in the database: nothing is written before the
 * user confirms (B7), and a parsed upload is throw-away. The cost: with several
 * instances an upload lives on the instance that took it (sticky sessions), and a
 * restart forgets it — the user uploads again, nothing was imported.
 *
 * Bounded: an upload belongs to one user, expires 30 minutes after its last use, a user
 * has at most 3, and all uploads together stay under a cell budget (oldest go first).
 */
import { generateId } from '../auth/tokens.ts';
import type { Target } from '../../domain/import-mapping.ts';
import type { SheetRow } from '../../domain/import-report.ts';
import type { ParsedSheet } from './import-parse.ts';
import { singleton } from '../singleton.ts';

export const UPLOAD_TTL_MS = 30 * 60 * 1000;
const PER_USER = 3;
/** About 10 full-size uploads (10,000 rows × 50 columns) at once. */
const CELL_BUDGET = 5_000_000;

export type UploadState =
	| { phase: 'open' }
	| { phase: 'importing' }
	| { phase: 'done'; imported: number; skipped: number; visibility: 'concept' | 'platform'; firstId: string | null };

export interface Upload {
	id: string;
	userId: string;
	fileName: string;
	format: ParsedSheet['format'];
	headers: string[];
	rows: SheetRow[];
	signature: string;
	targets: Target[];
	/** Whether `targets` came from this user's earlier import of the same header row. */
	remembered: boolean;
	/** The user has looked at (and saved) the mapping. */
	mapped: boolean;
	state: UploadState;
	cells: number;
	lastUsed: number;
}

const uploads = singleton('import-uploads', () => new Map<string, Upload>());

function sweep(now: number): void {
	for (const [id, upload] of uploads) if (now - upload.lastUsed > UPLOAD_TTL_MS && upload.state.phase !== 'importing') uploads.delete(id);
}

function evict(userId: string, incoming: number): void {
	const oldestFirst = [...uploads.values()].filter((u) => u.state.phase !== 'importing').sort((a, b) => a.lastUsed - b.lastUsed);
	const own = oldestFirst.filter((u) => u.userId === userId);
	while (own.length >= PER_USER) uploads.delete(own.shift()!.id);
	let total = [...uploads.values()].reduce((sum, u) => sum + u.cells, 0) + incoming;
	for (const upload of oldestFirst) {
		if (total <= CELL_BUDGET) break;
		if (!uploads.has(upload.id)) continue;
		uploads.delete(upload.id);
		total -= upload.cells;
	}
}

export function storeUpload(input: Omit<Upload, 'id' | 'cells' | 'lastUsed' | 'state' | 'mapped'>, now = Date.now()): Upload {
	sweep(now);
	const cells = input.rows.length * Math.max(1, input.headers.length);
	evict(input.userId, cells);
	const upload: Upload = { ...input, id: generateId(), cells, lastUsed: now, state: { phase: 'open' }, mapped: false };
	uploads.set(upload.id, upload);
	return upload;
}

/** The upload if it exists, is not expired and belongs to this user; using it renews it. */
export function findUpload(userId: string, id: string, now = Date.now()): Upload | null {
	sweep(now);
	const upload = uploads.get(id);
	if (!upload || upload.userId !== userId) return null;
	upload.lastUsed = now;
	return upload;
}

/** After the import only the summary is needed: free the rows. */
export function finishUpload(upload: Upload, state: Extract<UploadState, { phase: 'done' }>): void {
	upload.state = state;
	upload.rows = [];
	upload.cells = 0;
}

export function dropUpload(userId: string, id: string): void {
	if (uploads.get(id)?.userId === userId && uploads.get(id)?.state.phase !== 'importing') uploads.delete(id);
}
