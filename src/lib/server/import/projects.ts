/**
 * Spreadsheet import of projects: upload → map columns → row-by-row report → confirm.
 * Nothing touches the projects before the confirm (the upload and the remembered column
 * mapping are stored);
 * the confirm checks every row again (the inventory may have changed) and inserts all
 * accepted rows in one transaction, or none.
 */
import { and, eq, sql } from 'drizzle-orm';
import { can, type Actor } from '../../domain/permissions.ts';
import { FIELD_KEYS, isFieldKey, type FieldKey } from '../../domain/project.ts';
import { autoMap, headerSignature, mappingFromRecord, mappingProblems, mappingToRecord, normaliseHeader, type MappingProblem, type Target } from '../../domain/import-mapping.ts';
import { acceptedFingerprint, checkRows, countResults, titleKey, type DuplicateOf, type ReportCounts, type RowProblem, type RowResult } from '../../domain/import-report.ts';
import { m } from '../../paraglide/messages.js';
import { db, type Db } from '../db/client.ts';
import { docStates, importMappings, projectEvents, projects } from '../db/schema.ts';
import { refreshAfterBulkInsert } from '../db/bulk.ts';
import { events } from '../events.ts';
import { log } from '../log.ts';
import { parseSpreadsheet, type ParseFailure } from './parse.ts';
import { claimUpload, dropUpload, finishUpload, findUpload, reopenUpload, saveTargets, storeUpload, uploadState, type Upload } from './store.ts';
import { insertProjects } from '../services/projects.ts';

const IMPORT_BATCH = 250;

export type ImportActor = Actor & { name: string };

/** Importing is creating projects: the same right as "Nieuw project". */
export const mayImport = (actor: Actor): boolean => can(actor, 'edit', { kind: 'inventory' });

/** Sharing new projects with the platform right away needs the right to share them later. */
export const mayShare = (actor: Actor): boolean => can(actor, 'manage', { kind: 'project', ownerOrganisationId: actor.organisationId, visibility: 'concept', archived: false });

type Translate = (inputs: Record<string, never>, options: { locale: 'nl' | 'en' }) => string;
/** The app's own field names in both languages: what its export writes and people retype. */
const fieldLabels = (): Record<FieldKey, string[]> =>
	Object.fromEntries(FIELD_KEYS.map((k) => [k, (['nl', 'en'] as const).map((locale) => (m as unknown as Record<string, Translate>)[`field_${k}`]({}, { locale }))])) as Record<FieldKey, string[]>;

let ownNames: Map<FieldKey, Set<string>> | null = null;
function isOwnName(field: FieldKey, header: string): boolean {
	ownNames ??= new Map(Object.entries(fieldLabels()).map(([k, labels]) => [k as FieldKey, new Set(labels.map(normaliseHeader))]));
	return ownNames.get(field)?.has(normaliseHeader(header)) ?? false;
}

export type UploadResult = { ok: true; id: string } | { ok: false; reason: 'forbidden' } | { ok: false; reason: ParseFailure; line?: number };

export async function uploadSpreadsheet(actor: ImportActor, fileName: string, bytes: Uint8Array): Promise<UploadResult> {
	if (!mayImport(actor)) return { ok: false, reason: 'forbidden' };
	const parsed = await parseSpreadsheet(fileName, bytes);
	if (!parsed.ok) return parsed;
	const { headers, rows, format } = parsed.sheet;
	const signature = headerSignature(headers);
	const [saved] = await db().select({ mapping: importMappings.mapping }).from(importMappings).where(and(eq(importMappings.userId, actor.userId), eq(importMappings.signature, signature)));
	const targets = saved ? mappingFromRecord(saved.mapping, headers.length) : autoMap(headers, fieldLabels());
	const upload = await storeUpload({ userId: actor.userId, fileName: fileName.slice(0, 200), format, headers, rows, signature, targets, remembered: Boolean(saved) });
	log.info({ event: 'import-uploaded', uploadId: upload.id, by: actor.userId, format, rows: rows.length, columns: headers.length }, 'import uploaded');
	return { ok: true, id: upload.id };
}

/** The upload when this actor may still import and it is theirs; null reads as "not found". */
export async function openUpload(actor: Actor, id: string): Promise<Upload | null> {
	return mayImport(actor) ? findUpload(actor.userId, id) : null;
}

export interface MappingColumn {
	index: number;
	header: string;
	/** The first few filled cells, to recognise the column by. */
	samples: string[];
	target: Target;
}

export function mappingColumns(upload: Upload): MappingColumn[] {
	return upload.headers.map((header, index) => {
		const samples: string[] = [];
		for (const row of upload.rows) {
			const cell = row.cells[index];
			if (cell !== null && cell !== undefined && cell !== '') samples.push(String(cell).slice(0, 60));
			if (samples.length === 3) break;
		}
		return { index, header, samples, target: upload.targets[index] ?? '' };
	});
}

export type MappingResult = { ok: true } | { ok: false; reason: 'invalid'; problems: MappingProblem[]; targets: Target[] };

/** Keeps the chosen mapping for this upload and remembers it for the next file with these headers. */
export async function saveMapping(actor: Actor, upload: Upload, chosen: string[]): Promise<MappingResult> {
	const targets = upload.headers.map((_, i): Target => (isFieldKey(chosen[i]) ? chosen[i] : ''));
	const problems = mappingProblems(targets);
	if (problems.length) return { ok: false, reason: 'invalid', problems, targets };
	upload.targets = targets;
	upload.mapped = true;
	await saveTargets(upload.id, targets);
	const mapping = mappingToRecord(targets);
	await db()
		.insert(importMappings)
		.values({ userId: actor.userId, signature: upload.signature, mapping })
		.onConflictDoUpdate({ target: [importMappings.userId, importMappings.signature], set: { mapping, updatedAt: new Date() } });
	return { ok: true };
}

/** The importer's organisation's projects by normalised title (archived ones count too). */
async function existingTitles(tx: Pick<Db, 'select'>, organisationId: string): Promise<Map<string, { id: string; code: string }>> {
	const rows = await tx.select({ id: projects.id, code: projects.code, title: projects.title }).from(projects).where(eq(projects.ownerOrganisationId, organisationId));
	const map = new Map<string, { id: string; code: string }>();
	for (const row of rows) if (!map.has(titleKey(row.title))) map.set(titleKey(row.title), { id: row.id, code: row.code });
	return map;
}

export type ReportFilter = 'problems' | 'rejected' | 'duplicate' | 'accepted' | 'all';
export const REPORT_PAGE_SIZE = 100;

export interface ReportRow {
	n: number;
	title: string;
	status: RowResult['status'];
	/** `named`: the column header is the field's own name, so the reason need not repeat it. */
	problems: (RowProblem & { header: string | null; named: boolean })[];
	duplicateOf: DuplicateOf | null;
}

export interface ImportReport {
	counts: ReportCounts;
	fingerprint: string;
	filter: ReportFilter;
	page: number;
	pages: number;
	shown: number;
	rows: ReportRow[];
}

const FILTERS: Record<ReportFilter, (r: RowResult) => boolean> = {
	problems: (r) => r.status !== 'accepted',
	rejected: (r) => r.status === 'rejected',
	duplicate: (r) => r.status === 'duplicate',
	accepted: (r) => r.status === 'accepted',
	all: () => true
};

/** One page of the report; without a filter the problems come first, or everything when there are none. */
export async function importReport(actor: Actor, upload: Upload, filter: ReportFilter | null, page: number): Promise<ImportReport> {
	const results = checkRows(upload.rows, upload.targets, await existingTitles(db(), actor.organisationId));
	const counts = countResults(results);
	const chosen = filter ?? (counts.rejected + counts.duplicate > 0 ? 'problems' : 'all');
	const selected = results.filter(FILTERS[chosen]);
	const pages = Math.max(1, Math.ceil(selected.length / REPORT_PAGE_SIZE));
	const current = Math.min(Math.max(1, page), pages);
	const rows = selected.slice((current - 1) * REPORT_PAGE_SIZE, current * REPORT_PAGE_SIZE).map((r) => ({
		n: r.n,
		title: r.title,
		status: r.status,
		problems: r.status === 'rejected' ? r.problems.map((p) => ({ ...p, header: p.column >= 0 ? upload.headers[p.column] : null, named: p.column >= 0 && isOwnName(p.field, upload.headers[p.column]) })) : [],
		duplicateOf: r.status === 'duplicate' ? r.of : null
	}));
	return { counts, fingerprint: acceptedFingerprint(results), filter: chosen, page: current, pages, shown: selected.length, rows };
}

/** The highest RIP-<year>-NNNN number in use; the import numbers on from there inside its transaction. */
async function lastCodeNumber(tx: Pick<Db, 'select'>, year: number): Promise<number> {
	const [{ max }] = await tx
		.select({ max: sql<string | null>`max(split_part(${projects.code}, '-', 3)::int)` })
		.from(projects)
		.where(sql`${projects.code} like ${`RIP-${year}-%`}`);
	return Number(max ?? 0);
}

export type ConfirmResult =
	| { ok: true; imported: number }
	| { ok: false; reason: 'changed' | 'busy' | 'nothing' | 'failed' | 'forbidden-visibility' };

class ReportChanged extends Error {}

export interface ConfirmOptions {
	visibility: 'concept' | 'platform';
	/** The accepted rows the user saw (acceptedFingerprint of the report). */
	fingerprint: string;
	onProgress?: (done: number, total: number) => void;
}

/** Every accepted row becomes a project in one transaction; on any failure none does. */
export async function confirmImport(actor: ImportActor, upload: Upload, options: ConfirmOptions): Promise<ConfirmResult> {
	if (upload.state.phase === 'done') return { ok: true, imported: upload.state.imported };
	if (upload.state.phase === 'importing') return { ok: false, reason: 'busy' };
	if (options.visibility === 'platform' && !mayShare(actor)) return { ok: false, reason: 'forbidden-visibility' };
	if (!(await claimUpload(upload.id))) {
		// Another request (on any instance) took it first: finished by now, or still busy.
		const state = await uploadState(upload.id);
		return state?.phase === 'done' ? { ok: true, imported: state.imported } : { ok: false, reason: 'busy' };
	}
	upload.state = { phase: 'importing' };
	const started = Date.now();
	try {
		const { ids, skipped } = await db().transaction(async (txDb) => {
			const tx = txDb as unknown as Db;
			const results = checkRows(upload.rows, upload.targets, await existingTitles(tx, actor.organisationId));
			if (acceptedFingerprint(results) !== options.fingerprint) throw new ReportChanged();
			const accepted = results.filter((r) => r.status === 'accepted');
			const year = new Date().getFullYear();
			let number = await lastCodeNumber(tx, year);
			const ids: string[] = [];
			// PGlite answers in microtasks: without a pause the event loop could not write the
			// progress (or serve anything else) until the whole import is done.
			const progress = async () => {
				options.onProgress?.(ids.length, accepted.length);
				await new Promise((resolve) => setImmediate(resolve));
			};
			await progress();
			// A few hundred projects per statement; progress (and other requests) between batches.
			for (let start = 0; start < accepted.length; start += IMPORT_BATCH) {
				const batch = accepted.slice(start, start + IMPORT_BATCH).map((row) => ({
					fields: row.fields, ownerOrganisationId: actor.organisationId, visibility: options.visibility, code: `RIP-${year}-${String(++number).padStart(4, '0')}`
				}));
				for (const { id } of await insertProjects(tx, actor, batch)) ids.push(id);
				await progress();
			}
			const skipped = results.length - accepted.length;
			// Done in the same transaction as the projects: a crash leaves both or neither.
			if (ids.length) await finishUpload(tx, upload.id, { phase: 'done', imported: ids.length, skipped, visibility: options.visibility, firstId: ids[0] });
			return { ids, skipped };
		});
		if (ids.length === 0) {
			upload.state = { phase: 'open' };
			await reopenUpload(upload.id);
			return { ok: false, reason: 'nothing' };
		}
		// Thousands of new rows the statistics do not know yet: the inventory's next query plans with them.
		await refreshAfterBulkInsert(db(), [projects, docStates, projectEvents]).catch((err: unknown) => log.warn({ event: 'vacuum-analyze-failed', err: String(err) }, 'vacuum analyze after import failed'));
		options.onProgress?.(ids.length, ids.length);
		upload.state = { phase: 'done', imported: ids.length, skipped, visibility: options.visibility, firstId: ids[0] };
		upload.rows = [];
		// One signal for the whole import: grids reload their list on any project-changed
		// (debounced), and every imported project has the same owner and visibility, which is
		// all the per-user event filter looks at. 10,000 events would only flood the streams.
		events.publish({ type: 'project-changed', projectId: ids[0], ownerOrganisationId: actor.organisationId, visibility: options.visibility });
		log.info({ event: 'projects-imported', uploadId: upload.id, by: actor.userId, count: ids.length, skipped, ms: Date.now() - started }, 'projects imported');
		return { ok: true, imported: ids.length };
	} catch (err) {
		upload.state = { phase: 'open' };
		await reopenUpload(upload.id);
		if (err instanceof ReportChanged) return { ok: false, reason: 'changed' };
		log.error({ event: 'import-failed', uploadId: upload.id, by: actor.userId, err: err instanceof Error ? err.message : String(err) }, 'import rolled back');
		return { ok: false, reason: 'failed' };
	}
}

export async function cancelImport(actor: Actor, id: string): Promise<void> {
	await dropUpload(actor.userId, id);
}
