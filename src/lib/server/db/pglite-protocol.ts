/**
 * The messages between the server's thread and the thread that owns the embedded
 * database (pglite-worker.js). Only data crosses: parser functions, Blobs and PGlite's
 * own objects stay on their side, so everything here survives structured cloning.
 */
import type { Results, RowMode } from '@electric-sql/pglite';

/** How the worker opens PGlite (everything it needs; it reads no environment). */
export interface WorkerSettings {
	dataDir: string;
	/** A data-dir tarball to start a fresh folder from (the worker reads the file itself). */
	loadDataDir: string | null;
	/** Postgres settings (`name=value`) added to PGlite's own start parameters. */
	settings: string[];
}

/** What a query asks for; the PGlite options that are data, nothing that is code. */
export interface QueryShape {
	rowMode: RowMode;
	/** Types to hand back as the text Postgres sent; the caller parses them (see pglite-remote.ts). */
	textTypes: number[];
	paramTypes?: number[];
}

/** A transaction open in the worker, named by the number `begin` answered. */
export type TxId = number;

export type Request =
	| { id: number; op: 'query'; tx: TxId | null; sql: string; params: unknown[]; shape: QueryShape }
	| { id: number; op: 'exec'; tx: TxId | null; sql: string; shape: QueryShape }
	| { id: number; op: 'begin' }
	| { id: number; op: 'commit'; tx: TxId }
	| { id: number; op: 'rollback'; tx: TxId }
	| { id: number; op: 'close' };

/** An error as data: the Postgres fields (code, detail, constraint …) travel as they are. */
export interface SerializedError {
	name: string;
	message: string;
	stack: string | undefined;
	/** True for Postgres' own errors (pg-protocol's DatabaseError and PGlite's subclasses). */
	database: boolean;
	fields: Record<string, string | number | undefined>;
	query?: string;
	params?: unknown[];
}

/** A query's result, an exec's results, a new transaction, or nothing. */
export type ReplyValue = Results | Results[] | TxId | null;

export type Reply =
	| { id: number; ok: true; value: ReplyValue }
	| { id: number; ok: false; error: SerializedError };

/** What the worker says on its own, outside any request. */
export type Announcement = { type: 'ready' } | { type: 'failed'; error: SerializedError };

export type WorkerMessage = Reply | Announcement;
