/** What every scenario gets from the runner, and what it hands back for the report. */
import postgres from 'postgres';
import { startHocuspocus, startOurs, startYWebsocket, type OursOptions, type Target } from './targets.ts';

export interface BenchContext {
	quick: boolean;
	/** Short id of this run: part of database and Redis names, so runs never meet. */
	runId: string;
	pg: {
		available: boolean;
		adminUrl: string;
		/** Creates `tafel_bench_<runId>_<suffix>` (dropped when the bench ends) and returns its URL. */
		database(suffix: string): Promise<string>;
		/** A query on one of the bench databases (admin connection to it, closed after). */
		query<T extends object>(url: string, text: string): Promise<T[]>;
	};
	redis: { available: boolean; url: string };
	log(message: string): void;
}

export interface Table {
	caption: string;
	header: string[];
	rows: (string | number | null)[][];
}

export interface ScenarioResult {
	id: number;
	title: string;
	/** How the scenario was run (sizes, rates, storage), one line each. */
	setup: string[];
	tables: Table[];
	notes: string[];
	data: unknown;
	/** Named figures for the targets table (lib/goals.ts): a number, or the reason there is none worth comparing. */
	figures?: Record<string, number | string | null>;
}

export interface TargetFactory {
	key: 'ours' | 'y-websocket' | 'hocuspocus';
	start(): Promise<Target>;
}

/**
 * The three servers on the primary database: PostgreSQL when it is reachable (our
 * server and Hocuspocus' save both write to it; the reference server keeps documents
 * in memory), PGlite otherwise. `ours.projects`: demo projects our database must hold
 * before our server starts (see OursOptions).
 */
export async function primaryTargets(ctx: BenchContext, ours: Pick<OursOptions, 'env' | 'logLevel' | 'projects'> = {}): Promise<TargetFactory[]> {
	if (ctx.pg.available) {
		const oursUrl = await ctx.pg.database('ours');
		const hp = await ctx.pg.database('hp');
		return [
			{ key: 'ours', start: () => startOurs({ database: 'postgres', databaseUrl: oursUrl, ...ours }) },
			{ key: 'y-websocket', start: () => startYWebsocket() },
			{ key: 'hocuspocus', start: () => startHocuspocus({ storage: 'postgres', databaseUrl: hp }) }
		];
	}
	return [
		{ key: 'ours', start: () => startOurs({ database: 'pglite', ...ours }) },
		{ key: 'y-websocket', start: () => startYWebsocket() },
		{ key: 'hocuspocus', start: () => startHocuspocus({ storage: 'pglite' }) }
	];
}

/** Starts a target, runs `body`, always stops it. */
export async function withTarget<T>(factory: TargetFactory, body: (target: Target) => Promise<T>): Promise<T> {
	const target = await factory.start();
	try {
		return await body(target);
	} finally {
		await target.stop();
	}
}

export async function pgQuery<T extends object>(url: string, text: string): Promise<T[]> {
	const sql = postgres(url, { max: 1, onnotice: () => {}, connect_timeout: 10, idle_timeout: 1 });
	try {
		return (await sql.unsafe(text)) as unknown as T[];
	} finally {
		await sql.end({ timeout: 5 });
	}
}

/** A cell: numbers rounded for reading, missing values as an en dash. */
export function cell(value: number | string | null | undefined, digits = 1): string | number | null {
	if (value === null || value === undefined) return null;
	if (typeof value === 'string') return value;
	if (!Number.isFinite(value)) return null;
	return Math.round(value * 10 ** digits) / 10 ** digits;
}
