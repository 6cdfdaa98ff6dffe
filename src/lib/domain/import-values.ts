/**
 * Spreadsheet cells → values `validateProject` understands. Only reading is done here
 * (names to ids, Dutch amounts to numbers, dates to months); every rule about what is
 * allowed stays in project.ts. A value that cannot be read is passed on unchanged (or
 * as NaN for numbers) so validation names the problem, and unknown list entries are
 * returned so the report can say which value was not recognised.
 */
import instrumentsRef from '../reference/instruments.json' with { type: 'json' };
import themesRef from '../reference/themes.json' with { type: 'json' };
import { FIELDS, type FieldKey } from './project.ts';
import { COROP, INITIATOR_TYPES, INSTRUMENTS, KEY_TECHNOLOGIES, KIAS, MISSIONS, PHASES, PROVINCES, STATUSES, THEMES, type Option } from './reference.ts';
import { REFERENCE_EN } from '../i18n/reference-en.ts';
import { choiceLabel } from '../i18n/field-values.ts';

/** A cell as the parsers hand it over: text, a number from XLSX, or empty. */
export type Cell = string | number | null;

export interface ReadValue {
	/** undefined = empty cell: validation applies the field's default. */
	value: unknown;
	/** Entries of a value list that matched no id or name. */
	unknown?: string[];
}

/** Case-, accent-, punctuation- and space-insensitive form of a name; "&" reads as "en". */
export function normaliseName(text: string): string {
	return text
		.normalize('NFKD')
		.replace(/\p{M}/gu, '')
		.toLowerCase()
		.replace(/&/g, ' en ')
		.replace(/[^\p{L}\p{N}]+/gu, ' ')
		.trim();
}

type Aliases = Map<string, string>;

function aliasMap(entries: [id: string, ...names: (string | null | undefined)[]][]): Aliases {
	const map: Aliases = new Map();
	for (const [id, ...names] of entries) {
		for (const name of [id, ...names]) if (name) map.set(normaliseName(name), id);
	}
	return map;
}

type ReferenceList = keyof typeof REFERENCE_EN;
// The English name is read too: a sheet an English-speaking colleague filled in.
const fromOptions = (list: Option[], english: ReferenceList) => list.map((o): [string, string, string | undefined] => [o.id, o.label, REFERENCE_EN[english][o.id]]);
/** A fixed choice by id and by its label in either language (what the export writes). */
const fromChoices = (key: 'initiatorType' | 'phase', ids: readonly string[]) => ids.map((id): [string, string, string] => [id, choiceLabel(key, id, 'nl'), choiceLabel(key, id, 'en')]);
const kiaNames = new Map(themesRef.kias.map((k) => [k.id, k.naam]));
const instrumentShort = new Map(instrumentsRef.instrumenten.map((i) => [i.id, i.afkorting]));

/** Every id and name (and common abbreviation) a value list accepts, per field. */
const ALIASES: Partial<Record<FieldKey, Aliases>> = {
	// "NB", "Friesland" and CBS codes are how provinces appear in regional lists too.
	provinces: aliasMap(PROVINCES.map((p) => [p.id, p.label, p.id.slice(3), p.cbs, p.id === 'NL-FR' ? 'Friesland' : null, REFERENCE_EN.provinces[p.id]])),
	corop: aliasMap(fromOptions(COROP, 'corop')),
	themeId: aliasMap(fromOptions(THEMES, 'themes')),
	missionIds: aliasMap(fromOptions(MISSIONS, 'missions')),
	kiaIds: aliasMap(KIAS.map((k) => [k.id, k.label, kiaNames.get(k.id), REFERENCE_EN.kias[k.id]])),
	keyTechnologyIds: aliasMap(fromOptions(KEY_TECHNOLOGIES, 'keyTechnologies')),
	instrumentIds: aliasMap(INSTRUMENTS.map((i) => [i.id, i.label, instrumentShort.get(i.id), REFERENCE_EN.instruments[i.id]])),
	status: aliasMap(STATUSES.map((s) => [s])),
	// Ids ("kennisinstelling_wo", read alike as "kennisinstelling wo") and the labels the export writes ("Kennisinstelling (wo)").
	initiatorType: aliasMap(fromChoices('initiatorType', INITIATOR_TYPES)),
	phase: aliasMap(fromChoices('phase', PHASES))
};

/** The id for a name or id of a value list, or null. */
export function matchOption(key: FieldKey, text: string): string | null {
	return ALIASES[key]?.get(normaliseName(text)) ?? null;
}

const cellText = (cell: Cell): string => (cell === null ? '' : String(cell).trim());

/**
 * Items of a list cell. ";" and new lines separate first (the export writes "; ");
 * "," only when there is neither, so "Landbouw, water & voedsel" survives in a "; " list.
 */
export function splitList(text: string): string[] {
	const separator = /[;\n\r]/.test(text) ? /[;\n\r]+/ : /,/;
	return text.split(separator).map((s) => s.trim()).filter(Boolean);
}

/** Value-list items: a whole piece may be a name containing a comma, else its comma parts are tried. */
function readOptions(key: FieldKey, text: string): ReadValue {
	const ids: string[] = [];
	const unknown: string[] = [];
	for (const piece of text.split(/[;\n\r]+/).map((s) => s.trim()).filter(Boolean)) {
		const whole = matchOption(key, piece);
		if (whole) {
			ids.push(whole);
			continue;
		}
		for (const part of piece.split(',').map((s) => s.trim()).filter(Boolean)) {
			const id = matchOption(key, part);
			if (id) ids.push(id);
			else unknown.push(part);
		}
	}
	return unknown.length ? { value: [...ids, ...unknown], unknown } : { value: ids };
}

const MULTIPLIERS: Record<string, number> = { k: 3, duizend: 3, m: 6, mln: 6, mio: 6, miljoen: 6, mld: 9, miljard: 9 };

/** Shifts the decimal point right by `digits` without floating-point error ("2,5" mln → 2500000). */
function scaleDecimal(whole: string, fraction: string, digits: number): number {
	const padded = fraction.padEnd(digits, '0');
	const shifted = `${whole}${padded.slice(0, digits)}`;
	const rest = padded.slice(digits).replace(/0+$/, '');
	return rest ? Number(`${shifted}.${rest}`) : Number(shifted);
}

/**
 * Euros as people type them: "€ 1.250.000", "1250000", "1.250.000,00", "1,250,000",
 * "2,5 mln". Dutch first: one "." followed by three digits is a thousands separator and
 * one "," is a decimal comma. Unreadable text gives NaN (validation: not a number).
 */
export function parseAmount(cell: Cell): number | null {
	if (cell === null) return null;
	if (typeof cell === 'number') return cell;
	let text = cell.toLowerCase().replace(/€|eur(o)?\b|[\s\u00a0\u202f]/g, '');
	if (!text || text === '-') return null;
	let scale = 0;
	const unit = /([a-z]+)\.?$/.exec(text);
	if (unit) {
		if (!(unit[1] in MULTIPLIERS)) return NaN;
		scale = MULTIPLIERS[unit[1]];
		text = text.slice(0, unit.index);
	}
	const sign = text.startsWith('-') ? '-' : '';
	text = text.replace(/^[-+]/, '').replace(/,-$/, '');
	let whole: string;
	let fraction: string;
	if (/^\d{1,3}(\.\d{3})+(,\d*)?$/.test(text)) [whole, fraction = ''] = text.replaceAll('.', '').split(',');
	else if (/^\d{1,3}(,\d{3}){2,}(\.\d*)?$/.test(text) || /^\d{1,3},\d{3}\.\d*$/.test(text)) [whole, fraction = ''] = text.replaceAll(',', '').split('.');
	else if (/^\d+(,\d+)?$/.test(text)) [whole, fraction = ''] = text.split(',');
	else if (/^\d*\.\d+$|^\d+$/.test(text)) [whole, fraction = ''] = text.split('.');
	else return NaN;
	const value = scaleDecimal(whole || '0', fraction, scale);
	return sign ? -value : value;
}

/** "TRL 4", "4", 4 → 4; anything else is left for validation to refuse. */
function readTrl(cell: Cell): unknown {
	if (typeof cell === 'number') return cell;
	const match = /^(?:trl\s*)?(\d+)$/i.exec(cellText(cell));
	return match ? Number(match[1]) : cellText(cell);
}

const MONTHS = ['jan', 'feb', 'mrt', 'apr', 'mei', 'jun', 'jul', 'aug', 'sep', 'okt', 'nov', 'dec'];
const MONTH_NAMES: Record<string, number> = {
	...Object.fromEntries(MONTHS.map((m, i) => [m, i + 1])),
	...Object.fromEntries(['januari', 'februari', 'maart', 'april', 'mei', 'juni', 'juli', 'augustus', 'september', 'oktober', 'november', 'december'].map((m, i) => [m, i + 1])),
	mar: 3, may: 5, oct: 10, sept: 9
};

const month = (year: number, m: number) => `${year}-${String(m).padStart(2, '0')}`;

/** Excel counts days from 1899-12-30; only plausible dates (1955–2119) are read as such. */
function excelSerialMonth(serial: number): string | null {
	if (!Number.isInteger(serial) || serial < 20_000 || serial > 80_000) return null;
	const date = new Date(Date.UTC(1899, 11, 30) + serial * 86_400_000);
	return month(date.getUTCFullYear(), date.getUTCMonth() + 1);
}

/**
 * A month as "jjjj-mm" from "2026-03", "2026-03-15", "15-3-2026", "3-2026", "03/2026",
 * "maart 2026", "mrt-26" or an Excel date number. Anything else goes to validation as is.
 */
export function parseMonth(cell: Cell): unknown {
	if (typeof cell === 'number') return excelSerialMonth(cell) ?? String(cell);
	const text = cellText(cell).toLowerCase();
	if (!text) return undefined;
	let match = /^(\d{4})[-/.](\d{1,2})(?:[-/.]\d{1,2}(?:[t ].*)?)?$/.exec(text);
	if (match) return month(Number(match[1]), Number(match[2]));
	match = /^(?:\d{1,2}[-/.])?(\d{1,2})[-/.](\d{4})$/.exec(text);
	if (match) return month(Number(match[2]), Number(match[1]));
	match = /^(\p{L}+)\.?[\s-]+(\d{2}|\d{4})$/u.exec(text);
	if (match && MONTH_NAMES[match[1]]) return month(match[2].length === 2 ? 2000 + Number(match[2]) : Number(match[2]), MONTH_NAMES[match[1]]);
	return cellText(cell);
}

/** One cell read for one field; an empty cell is `undefined` so validation uses the default. */
export function readCell(key: FieldKey, cell: Cell): ReadValue {
	const def = FIELDS[key];
	const text = cellText(cell);
	if (text === '') return { value: undefined };
	switch (def.kind) {
		case 'text':
		case 'email':
			return { value: text };
		case 'enum': {
			const id = matchOption(key, text);
			return id ? { value: id } : { value: text, unknown: [text] };
		}
		case 'multi':
			return readOptions(key, text);
		case 'list':
			return { value: splitList(text) };
		case 'money': {
			const amount = parseAmount(cell);
			return { value: amount === null ? undefined : amount };
		}
		case 'trl':
			return { value: readTrl(cell) };
		case 'month':
			return { value: parseMonth(cell) };
	}
}
