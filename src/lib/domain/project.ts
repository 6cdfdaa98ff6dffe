/**
 * The project record: its fields, value lists and validation — one schema used by
 * the form, the spreadsheet import, the server's projection and the API.
 */
import { COROP, INITIATOR_TYPES, INSTRUMENTS, KEY_TECHNOLOGIES, KIAS, MISSIONS, PHASES, PROVINCES, STATUSES, THEMES, LOOKUP, type ProjectStatus } from './reference.ts';

export interface ProjectFields {
	title: string;
	summary: string;
	initiator: string;
	initiatorType: string;
	partners: string[];
	provinces: string[];
	corop: string[];
	themeId: string;
	missionIds: string[];
	kiaIds: string[];
	keyTechnologyIds: string[];
	instrumentIds: string[];
	totalBudget: number | null;
	requestedAmount: number | null;
	cofinancing: number | null;
	phase: string;
	trlCurrent: number | null;
	trlTarget: number | null;
	status: ProjectStatus;
	periodStart: string;
	periodEnd: string;
	contactName: string;
	contactRole: string;
	contactEmail: string;
	tags: string[];
}

export type FieldKey = keyof ProjectFields;

type FieldDef =
	| { kind: 'text'; max: number; min?: number; required?: boolean }
	| { kind: 'enum'; options: () => readonly string[]; required?: boolean }
	| { kind: 'multi'; options: () => readonly string[]; maxItems: number }
	| { kind: 'list'; maxItems: number; maxLength: number }
	| { kind: 'money' }
	| { kind: 'trl' }
	| { kind: 'month' }
	| { kind: 'email' };

const ids = (list: { id: string }[]) => () => list.map((o) => o.id);

/** Field order is the order of the form, the grid's column chooser and the export. */
export const FIELDS: Record<FieldKey, FieldDef> = {
	title: { kind: 'text', min: 5, max: 140, required: true },
	summary: { kind: 'text', max: 900 },
	initiator: { kind: 'text', max: 200 },
	initiatorType: { kind: 'enum', options: () => INITIATOR_TYPES },
	partners: { kind: 'list', maxItems: 30, maxLength: 200 },
	provinces: { kind: 'multi', options: ids(PROVINCES), maxItems: 12 },
	corop: { kind: 'multi', options: ids(COROP), maxItems: 40 },
	themeId: { kind: 'enum', options: ids(THEMES) },
	missionIds: { kind: 'multi', options: ids(MISSIONS), maxItems: 10 },
	kiaIds: { kind: 'multi', options: ids(KIAS), maxItems: 8 },
	keyTechnologyIds: { kind: 'multi', options: ids(KEY_TECHNOLOGIES), maxItems: 10 },
	instrumentIds: { kind: 'multi', options: ids(INSTRUMENTS), maxItems: 10 },
	totalBudget: { kind: 'money' },
	requestedAmount: { kind: 'money' },
	cofinancing: { kind: 'money' },
	phase: { kind: 'enum', options: () => PHASES },
	trlCurrent: { kind: 'trl' },
	trlTarget: { kind: 'trl' },
	status: { kind: 'enum', options: () => STATUSES, required: true },
	periodStart: { kind: 'month' },
	periodEnd: { kind: 'month' },
	contactName: { kind: 'text', max: 120 },
	contactRole: { kind: 'text', max: 120 },
	contactEmail: { kind: 'email' },
	tags: { kind: 'list', maxItems: 20, maxLength: 40 }
};

export const FIELD_KEYS = Object.keys(FIELDS) as FieldKey[];

export function isFieldKey(key: unknown): key is FieldKey {
	return typeof key === 'string' && Object.hasOwn(FIELDS, key);
}

/** One euro short of 100 billion: more is a typo, not a regional project. */
export const MAX_MONEY = 99_999_999_999;

export type FieldProblem =
	| 'required' | 'too-short' | 'too-long' | 'not-in-list' | 'too-many' | 'not-a-number'
	| 'negative' | 'too-large' | 'bad-format' | 'invalid-text';

export type CrossProblem = 'requested-exceeds-total' | 'corop-outside-provinces' | 'trl-order' | 'period-order';

export type Checked<T> = { ok: true; value: T } | { ok: false; problem: FieldProblem };

// Control characters (except tab/newline) and bidi overrides are refused in every text.
// eslint-disable-next-line no-control-regex -- matching control characters is the point
const FORBIDDEN = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f\u202a-\u202e\u2066-\u2069]/;

function checkText(raw: unknown, max: number, min = 0, required = false): Checked<string> {
	if (raw === null || raw === undefined) raw = '';
	if (typeof raw !== 'string') return { ok: false, problem: 'invalid-text' };
	const value = raw.trim();
	if (FORBIDDEN.test(value) || !value.isWellFormed()) return { ok: false, problem: 'invalid-text' };
	if (!value) return required ? { ok: false, problem: 'required' } : { ok: true, value };
	if ([...value].length < min) return { ok: false, problem: 'too-short' };
	if ([...value].length > max) return { ok: false, problem: 'too-long' };
	return { ok: true, value };
}

function checkNumber(raw: unknown, min: number, max: number): Checked<number | null> {
	if (raw === null || raw === undefined || raw === '') return { ok: true, value: null };
	const value = typeof raw === 'number' ? raw : typeof raw === 'string' ? Number(raw.replace(/[\s.€]/g, '').replace(',', '.')) : NaN;
	if (!Number.isFinite(value) || !Number.isInteger(value)) return { ok: false, problem: 'not-a-number' };
	if (value < min) return { ok: false, problem: 'negative' };
	if (value > max) return { ok: false, problem: 'too-large' };
	return { ok: true, value };
}

function checkArray(raw: unknown, maxItems: number, each: (item: unknown) => Checked<string>): Checked<string[]> {
	if (raw === null || raw === undefined || raw === '') return { ok: true, value: [] };
	const items = typeof raw === 'string' ? raw.split(/[;,\n]/) : raw;
	if (!Array.isArray(items)) return { ok: false, problem: 'bad-format' };
	const out: string[] = [];
	for (const item of items) {
		const checked = each(typeof item === 'string' ? item.trim() : item);
		if (!checked.ok) return checked;
		if (checked.value && !out.includes(checked.value)) out.push(checked.value);
	}
	return out.length > maxItems ? { ok: false, problem: 'too-many' } : { ok: true, value: out };
}

/** Validates one field value as it comes from a form, a spreadsheet cell or a Y.Map. */
export function validateField<K extends FieldKey>(key: K, raw: unknown): Checked<ProjectFields[K]> {
	const def = FIELDS[key];
	const result = ((): Checked<unknown> => {
		switch (def.kind) {
			case 'text':
				return checkText(raw, def.max, def.min, def.required);
			case 'email': {
				const text = checkText(raw, 254);
				if (!text.ok || !text.value) return text;
				return /^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(text.value) ? { ok: true, value: text.value.toLowerCase() } : { ok: false, problem: 'bad-format' };
			}
			case 'enum': {
				if ((raw === '' || raw === null || raw === undefined) && !def.required) return { ok: true, value: '' };
				if (raw === '' || raw === null || raw === undefined) return { ok: false, problem: 'required' };
				return typeof raw === 'string' && def.options().includes(raw) ? { ok: true, value: raw } : { ok: false, problem: 'not-in-list' };
			}
			case 'multi':
				return checkArray(raw, def.maxItems, (item) => (typeof item === 'string' && def.options().includes(item) ? { ok: true, value: item } : { ok: false, problem: 'not-in-list' }));
			case 'list':
				return checkArray(raw, def.maxItems, (item) => checkText(item, def.maxLength));
			case 'money':
				return checkNumber(raw, 0, MAX_MONEY);
			case 'trl':
				return checkNumber(raw, 1, 9).ok ? checkNumber(raw, 1, 9) : { ok: false, problem: 'bad-format' };
			case 'month': {
				const text = checkText(raw, 7);
				if (!text.ok || !text.value) return text;
				const match = /^(\d{4})-(\d{2})$/.exec(text.value);
				return match && Number(match[2]) >= 1 && Number(match[2]) <= 12 ? text : { ok: false, problem: 'bad-format' };
			}
		}
	})();
	return result as Checked<ProjectFields[K]>;
}

/** Rules between fields; each names the field it is shown at and the fields it involves. */
export function crossCheck(fields: ProjectFields): { field: FieldKey; problem: CrossProblem; involves: FieldKey[] }[] {
	const problems: { field: FieldKey; problem: CrossProblem; involves: FieldKey[] }[] = [];
	if (fields.requestedAmount !== null && fields.totalBudget !== null && fields.requestedAmount > fields.totalBudget)
		problems.push({ field: 'requestedAmount', problem: 'requested-exceeds-total', involves: ['requestedAmount', 'totalBudget'] });
	if (fields.corop.some((c) => !fields.provinces.includes(LOOKUP.corop.get(c)?.province ?? '')))
		problems.push({ field: 'corop', problem: 'corop-outside-provinces', involves: ['corop', 'provinces'] });
	if (fields.trlCurrent !== null && fields.trlTarget !== null && fields.trlCurrent > fields.trlTarget)
		problems.push({ field: 'trlTarget', problem: 'trl-order', involves: ['trlCurrent', 'trlTarget'] });
	if (fields.periodStart && fields.periodEnd && fields.periodStart > fields.periodEnd) problems.push({ field: 'periodEnd', problem: 'period-order', involves: ['periodStart', 'periodEnd'] });
	return problems;
}

export function emptyFields(): ProjectFields {
	return {
		title: '', summary: '', initiator: '', initiatorType: '', partners: [], provinces: [], corop: [], themeId: '',
		missionIds: [], kiaIds: [], keyTechnologyIds: [], instrumentIds: [], totalBudget: null, requestedAmount: null,
		cofinancing: null, phase: '', trlCurrent: null, trlTarget: null, status: 'idee', periodStart: '', periodEnd: '',
		contactName: '', contactRole: '', contactEmail: '', tags: []
	};
}

export type ValidationResult =
	| { ok: true; fields: ProjectFields }
	| { ok: false; errors: Partial<Record<FieldKey, FieldProblem | CrossProblem>>; fields: ProjectFields };

/** Validates a whole record (import rows, new projects): every field, then the cross rules. */
export function validateProject(input: Partial<Record<FieldKey, unknown>>): ValidationResult {
	const fields = emptyFields();
	const errors: Partial<Record<FieldKey, FieldProblem | CrossProblem>> = {};
	for (const key of FIELD_KEYS) {
		const checked = validateField(key, input[key] ?? (key === 'status' ? 'idee' : undefined));
		if (checked.ok) (fields as unknown as Record<string, unknown>)[key] = checked.value;
		else errors[key] = checked.problem;
	}
	for (const { field, problem } of crossCheck(fields)) errors[field] ??= problem;
	return Object.keys(errors).length ? { ok: false, errors, fields } : { ok: true, fields };
}

export const PIPELINE: readonly ProjectStatus[] = ['idee', 'verkenning', 'uitwerking', 'aanvraag', 'besluit', 'uitvoering', 'afgerond'];

/** A field untouched for this long is flagged as possibly stale. */
export const STALE_AFTER_MS = 365 * 24 * 60 * 60 * 1000;

export function isStale(changedAt: Date | string | null, now = new Date()): boolean {
	return changedAt !== null && now.getTime() - new Date(changedAt).getTime() > STALE_AFTER_MS;
}
