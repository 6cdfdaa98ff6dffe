/**
 * Which spreadsheet column holds which project field. Headers are matched on a
 * normalised form (case, accents, spaces, punctuation and a "(€)" or "(jjjj-mm)" hint
 * do not matter) against the field labels the app itself uses (passed in, so the
 * export's own Dutch headers always match) and common synonyms from regional lists.
 */
import { FIELD_KEYS, isFieldKey, type FieldKey } from './project.ts';
import { normaliseName } from './import-values.ts';

/** A column's destination; '' = not imported. */
export type Target = FieldKey | '';

/** Names people give these columns in their own spreadsheets (Dutch first, some English). */
const SYNONYMS: Record<FieldKey, string[]> = {
	title: ['titel', 'projecttitel', 'projectnaam', 'naam project', 'naam van het project', 'project', 'naam', 'title', 'project title', 'project name'],
	summary: ['samenvatting', 'korte omschrijving', 'omschrijving', 'korte beschrijving', 'summary'],
	initiator: ['initiatiefnemer', 'aanvrager', 'penvoerder', 'trekker', 'initiator', 'lead'],
	initiatorType: ['soort initiatiefnemer', 'type initiatiefnemer', 'type aanvrager', 'initiator type'],
	partners: ['partners', 'projectpartners', 'consortiumpartners', 'samenwerkingspartners', 'deelnemers'],
	provinces: ['provincies', 'provincie', 'province', 'provinces'],
	corop: ['corop', 'corop regio', 'corop regios', "corop regio's", 'corop gebied', 'corop gebieden', 'corop regions'],
	themeId: ['thema', 'maatschappelijk thema', 'theme'],
	missionIds: ['missies', 'missie', 'mission', 'missions'],
	kiaIds: ['kia', 'kias', 'kennis en innovatieagenda', 'kennis en innovatieagendas', "kennis- en innovatieagenda's"],
	keyTechnologyIds: ['sleuteltechnologieen', 'sleuteltechnologie', 'key technologies', 'key technology'],
	instrumentIds: ['instrumenten', 'instrument', 'gezochte instrumenten', 'financieringsinstrument', 'financieringsinstrumenten', 'regeling', 'instruments'],
	totalBudget: ['totale begroting', 'begroting', 'totaal budget', 'budget', 'projectbegroting', 'totale kosten', 'projectkosten', 'total budget'],
	requestedAmount: ['gevraagd bedrag', 'gevraagde bijdrage', 'aangevraagd bedrag', 'gevraagde subsidie', 'requested amount', 'amount requested'],
	cofinancing: ['cofinanciering', 'co financiering', 'eigen bijdrage', 'cofinancing', 'co financing'],
	phase: ['innovatiefase', 'fase', 'projectfase', 'phase'],
	trlCurrent: ['trl nu', 'trl', 'huidige trl', 'trl huidig', 'trl current'],
	trlTarget: ['trl doel', 'doel trl', 'beoogde trl', 'trl target'],
	status: ['status', 'projectstatus', 'stand van zaken'],
	periodStart: ['start', 'startdatum', 'begin', 'begindatum', 'startmaand', 'looptijd van'],
	periodEnd: ['einde', 'einddatum', 'eind', 'eindmaand', 'looptijd tot', 'end'],
	contactName: ['contactpersoon', 'contact', 'naam contactpersoon', 'contact person'],
	contactRole: ['rol contactpersoon', 'functie contactpersoon', 'functie', 'rol'],
	contactEmail: ['e mail contactpersoon', 'e mail', 'email', 'e mailadres', 'mail', 'contact e mail'],
	tags: ['trefwoorden', 'tags', 'labels', 'zoekwoorden', 'kernwoorden', 'keywords']
};

/** Header text as compared: without a trailing hint in brackets, normalised. */
export function normaliseHeader(header: string): string {
	return normaliseName(header.replace(/\([^)]*\)/g, ' '));
}

/** Matches header text to fields: the app's labels first, then the synonyms. */
export function headerIndex(labels: Partial<Record<FieldKey, string[]>> = {}): Map<string, FieldKey> {
	const index = new Map<string, FieldKey>();
	for (const key of FIELD_KEYS) for (const label of labels[key] ?? []) if (!index.has(normaliseHeader(label))) index.set(normaliseHeader(label), key);
	for (const key of FIELD_KEYS) for (const name of [key, ...SYNONYMS[key]]) if (!index.has(normaliseHeader(name))) index.set(normaliseHeader(name), key);
	return index;
}

/** Suggests a target per column; a field goes to the first column that names it. */
export function autoMap(headers: string[], labels: Partial<Record<FieldKey, string[]>> = {}): Target[] {
	const index = headerIndex(labels);
	const taken = new Set<FieldKey>();
	return headers.map((header) => {
		const key = index.get(normaliseHeader(header));
		if (!key || taken.has(key)) return '';
		taken.add(key);
		return key;
	});
}

/** cyrb53: a small stable 53-bit string hash, enough to tell header rows apart. */
function hash53(text: string): string {
	let h1 = 0xdeadbeef;
	let h2 = 0x41c6ce57;
	for (let i = 0; i < text.length; i++) {
		const ch = text.charCodeAt(i);
		h1 = Math.imul(h1 ^ ch, 2654435761);
		h2 = Math.imul(h2 ^ ch, 1597334677);
	}
	h1 = Math.imul(h1 ^ (h1 >>> 16), 2246822507) ^ Math.imul(h2 ^ (h2 >>> 13), 3266489909);
	h2 = Math.imul(h2 ^ (h2 >>> 16), 2246822507) ^ Math.imul(h1 ^ (h1 >>> 13), 3266489909);
	return (4294967296 * (2097151 & h2) + (h1 >>> 0)).toString(36);
}

/**
 * Identifies a header row: same columns in the same order (as compared, so "Titel" and
 * "titel " are one signature) give the same remembered mapping.
 */
export function headerSignature(headers: string[]): string {
	return `${headers.length}-${hash53(headers.map(normaliseHeader).join('\u001f'))}`;
}

/** Stored form: column number → field; only imported columns are kept. */
export function mappingToRecord(targets: Target[]): Record<string, string> {
	return Object.fromEntries(targets.flatMap((t, i) => (t ? [[String(i), t]] : [])));
}

/** A remembered mapping for these headers, ignoring anything that no longer fits. */
export function mappingFromRecord(record: Record<string, unknown>, columnCount: number): Target[] {
	const targets: Target[] = Array.from({ length: columnCount }, () => '');
	const taken = new Set<FieldKey>();
	for (const [column, key] of Object.entries(record)) {
		const i = Number(column);
		if (!Number.isInteger(i) || i < 0 || i >= columnCount || !isFieldKey(key) || taken.has(key)) continue;
		targets[i] = key;
		taken.add(key);
	}
	return targets;
}

export type MappingProblem = { kind: 'no-title' } | { kind: 'twice'; field: FieldKey; columns: number[] };

/** A mapping can be used when the title has a column and no field has two. */
export function mappingProblems(targets: Target[]): MappingProblem[] {
	const problems: MappingProblem[] = [];
	if (!targets.includes('title')) problems.push({ kind: 'no-title' });
	const columns = new Map<FieldKey, number[]>();
	targets.forEach((t, i) => t && columns.set(t, [...(columns.get(t) ?? []), i]));
	for (const [field, list] of columns) if (list.length > 1) problems.push({ kind: 'twice', field, columns: list });
	return problems;
}
