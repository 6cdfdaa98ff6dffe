/**
 * One project as an A4 PDF "projectfiche" to send around or file: key facts, every
 * filled field grouped, the description with its headings and lists, links, the
 * timeline, and a footer with page numbers. Only for projects the actor may read.
 */
import PDFDocument from 'pdfkit';
import type { Actor } from '../../domain/permissions.ts';
import type { FieldKey, ProjectFields } from '../../domain/project.ts';
import { getProject, projectTimeline } from '../services/projects.ts';
import { listLinks, type LinkView } from '../services/links.ts';
import { dutch, fieldText } from './inventory.ts';
import { dateTimeFormat } from '../../i18n/time.ts';
import { describe as describeEvent, type TimelineEvent } from './markdown.ts';
import { storedDescription, type Block, type Description, type Run } from './description.ts';
import { PrintableText, pdfFonts, type FontName } from './pdf-text.ts';

/**
 * About 30 pages. Layout is synchronous and shares the event loop with the collab
 * server, so a longer description is cut with a note (the full text stays in Tafel).
 */
export const DESCRIPTION_LIMIT = 60_000;

export interface PdfProject extends Omit<ProjectFields, 'status'> {
	status: string;
	code: string;
	ownerName: string;
	visibility: 'concept' | 'platform';
	archivedAt: Date | null;
	demo: boolean;
}

export interface PdfInput {
	project: PdfProject;
	description: Description;
	links: Pick<LinkView, 'type' | 'note' | 'other' | 'proposedByName' | 'organisationName'>[];
	timeline: TimelineEvent[];
	generatedAt: Date;
	/** A version of the record rather than its current state: named under the code ("Versie: …"). */
	version?: string;
}

/** Groups of the field table; title, summary and status are shown above it. */
export const FIELD_GROUPS: { title: string; fields: (FieldKey | 'period')[] }[] = [
	{ title: 'project_export_section_general', fields: ['initiator', 'initiatorType', 'partners', 'tags'] },
	{ title: 'project_export_section_region', fields: ['provinces', 'corop'] },
	{ title: 'project_export_section_themes', fields: ['themeId', 'missionIds', 'kiaIds', 'keyTechnologyIds', 'instrumentIds'] },
	{ title: 'project_export_section_money', fields: ['totalBudget', 'requestedAmount', 'cofinancing'] },
	{ title: 'project_export_section_planning', fields: ['phase', 'trlCurrent', 'trlTarget', 'period'] },
	{ title: 'project_export_section_contact', fields: ['contactName', 'contactRole', 'contactEmail'] }
];

const euro = new Intl.NumberFormat('nl-NL', { style: 'currency', currency: 'EUR', maximumFractionDigits: 0 });
const dateTime = dateTimeFormat('nl', { dateStyle: 'long', timeStyle: 'short' });
const date = dateTimeFormat('nl', { dateStyle: 'medium' });
// A project period is a calendar month, not a moment: read in UTC so it never shifts.
const monthYear = new Intl.DateTimeFormat('nl-NL', { month: 'long', year: 'numeric', timeZone: 'UTC' });
const MONEY: FieldKey[] = ['totalBudget', 'requestedAmount', 'cofinancing'];

export const COLOR = { text: '#1b1b1b', muted: '#595959', accent: '#154273', rule: '#c5cfdb', band: '#eef2f7', link: '#01689b' };
const MARGIN = { top: 64, bottom: 76, left: 62, right: 62 };

function month(value: string): string {
	const [y, m] = value.split('-').map(Number);
	return y && m ? monthYear.format(new Date(Date.UTC(y, m - 1, 1))) : value;
}

/** "Totale begroting (€)" → "Totale begroting": the PDF shows the unit in the value. */
const label = (key: string) => dutch(`field_${key}`).replace(/\s*\((€|jjjj-mm)\)$/, '');

function fieldValue(project: PdfProject, key: FieldKey | 'period'): [string, string] | null {
	if (key === 'period') {
		const { periodStart: start, periodEnd: end } = project;
		if (!start && !end) return null;
		return [dutch('project_export_period'), `${start ? month(start) : '…'} – ${end ? month(end) : '…'}`];
	}
	const value = fieldText(key, project[key]);
	if (value === null || value === '') return null;
	return [label(key), typeof value === 'number' && MONEY.includes(key) ? euro.format(value) : String(value)];
}

export class Sheet {
	readonly doc: PDFKit.PDFDocument;
	readonly text: PrintableText;
	private readonly fonts: Record<FontName, string>;
	readonly left = MARGIN.left;
	readonly width: number;

	constructor(info: { title: string; author: string }) {
		const fonts = pdfFonts();
		this.text = new PrintableText(fonts.glyphs);
		this.fonts = fonts.paths;
		this.doc = new PDFDocument({
			size: 'A4', margins: MARGIN, bufferPages: true, font: fonts.paths.regular, lang: 'nl-NL', displayTitle: true, pdfVersion: '1.7',
			info: { Title: this.text.clean(info.title), Author: this.text.clean(info.author), Creator: 'Tafel', Producer: 'Tafel' }
		});
		this.width = this.doc.page.width - MARGIN.left - MARGIN.right;
	}

	get bottom(): number {
		return this.doc.page.height - MARGIN.bottom;
	}

	/** Starts a new page unless `height` still fits on this one. */
	space(height: number): void {
		if (this.doc.y + height > this.bottom) this.doc.addPage();
	}

	style(font: FontName, size: number, color = COLOR.text): PDFKit.PDFDocument {
		return this.doc.font(this.fonts[font]).fontSize(size).fillColor(color);
	}

	rule(y: number, color = COLOR.rule, width = 0.6): void {
		this.doc.save().moveTo(this.left, y).lineTo(this.left + this.width, y).lineWidth(width).strokeColor(color).stroke().restore();
	}

	/** A section heading, kept on one page with (most) first rows under it. */
	section(title: string): void {
		this.space(110);
		this.doc.y += 14;
		this.style('bold', 12.5, COLOR.accent).text(this.text.clean(title), this.left, this.doc.y, { width: this.width });
		this.rule(this.doc.y + 2, COLOR.accent, 0.8);
		this.doc.y += 8;
	}

	/** A label/value row of a field table; a long value flows on to the next page. */
	row(name: string, value: string): void {
		const labelWidth = 150;
		const valueWidth = this.width - labelWidth - 12;
		const shown = this.text.clean(value, true);
		this.style('regular', 10);
		this.space(Math.min(this.doc.heightOfString(shown, { width: valueWidth }), 36) + 6);
		const y = this.doc.y;
		this.style('regular', 9.5, COLOR.muted).text(this.text.clean(name), this.left, y, { width: labelWidth });
		const labelEnd = this.doc.y;
		const pages = this.doc.bufferedPageRange().count;
		this.style('regular', 10).text(shown, this.left + labelWidth + 12, y, { width: valueWidth, lineGap: 1.5 });
		if (this.doc.bufferedPageRange().count === pages) this.doc.y = Math.max(this.doc.y, labelEnd);
		this.doc.y += 4;
		this.rule(this.doc.y, '#e3e8ee', 0.5);
		this.doc.y += 5;
	}

	/** Text runs in one flow (bold, italic, links), starting at x. */
	runs(runs: Run[], x: number, width: number, size: number, color = COLOR.text): void {
		const parts = runs.map((r) => ({ ...r, text: this.text.clean(r.text, true) })).filter((r) => r.text.length > 0);
		if (parts.length === 0) return;
		parts.forEach((r, i) => {
			const font: FontName = r.bold && r.italic ? 'boldItalic' : r.bold ? 'bold' : r.italic ? 'italic' : 'regular';
			this.style(font, size, r.href ? COLOR.link : color);
			const options = { width, lineGap: 2.5, continued: i < parts.length - 1, link: r.href, underline: r.href !== null };
			if (i === 0) this.doc.text(r.text, x, this.doc.y, options);
			else this.doc.text(r.text, options);
		});
	}

	block(block: Block): void {
		if (block.kind === 'heading') {
			const size = [0, 13.5, 12, 11][block.level];
			this.space(size * 4);
			this.doc.y += block.level === 1 ? 10 : 7;
			this.runs(block.runs.map((r) => ({ ...r, bold: true })), this.left, this.width, size, COLOR.accent);
			this.doc.y += 3;
			return;
		}
		const indent = Math.min(block.depth, 6) * 18 + (block.quote ? 16 : 0);
		const x = this.left + indent;
		this.style('regular', 10.5);
		this.space(30);
		const y = this.doc.y;
		if (block.marker) {
			this.style('regular', 10.5, COLOR.muted).text(block.marker, x - 16, y, { width: 14, lineBreak: false });
			this.doc.y = y;
		}
		const pages = this.doc.bufferedPageRange().count;
		this.runs(block.runs, x, this.width - indent, 10.5, block.quote ? COLOR.muted : COLOR.text);
		if (block.quote && this.doc.bufferedPageRange().count === pages)
			this.doc.save().moveTo(x - 10, y).lineTo(x - 10, this.doc.y).lineWidth(2).strokeColor(COLOR.rule).stroke().restore();
		this.doc.y += block.marker ? 3 : 6;
	}
}

function header(sheet: Sheet, input: PdfInput): void {
	const { doc, text } = sheet;
	const { project } = input;
	doc.save().rect(0, 0, doc.page.width, 8).fill(COLOR.accent).restore();
	sheet.style('bold', 9, COLOR.accent).text('TAFEL', sheet.left, 34, { continued: true, characterSpacing: 1.2 });
	sheet.style('regular', 9, COLOR.muted).text(`   ${dutch('project_export_kind')}`, { characterSpacing: 0 });
	const badges = [project.visibility === 'concept' ? dutch('concept_label') : '', project.archivedAt ? dutch('project_export_archived') : '', project.demo ? dutch('demo_label') : ''].filter(Boolean);
	sheet.style('regular', 10, COLOR.muted).text([project.code, ...badges, ...(input.version ? [dutch('version_export_label', { version: input.version })] : [])].join('  ·  '), sheet.left, 74, { width: sheet.width });
	sheet.style('bold', 20, COLOR.text).text(text.clean(project.title), sheet.left, doc.y + 2, { width: sheet.width, lineGap: 1 });
	doc.y += 10;
	facts(sheet, input);
	if (project.summary) {
		doc.y += 12;
		sheet.style('regular', 11.5, COLOR.text).text(text.clean(project.summary, true), sheet.left, doc.y, { width: sheet.width, lineGap: 3 });
	}
}

/** The band of key facts: owner, status, visibility, budget and requested amount. */
function facts(sheet: Sheet, input: PdfInput): void {
	const { doc, text } = sheet;
	const { project } = input;
	const visibility = project.visibility === 'concept' ? dutch('project_export_concept', { organisation: project.ownerName }) : dutch('project_export_platform');
	const cells: [string, string][] = [
		[dutch('field_owner'), project.ownerName],
		[dutch('field_status'), dutch(`status_${project.status}`)],
		[dutch('project_export_visibility'), visibility],
		[label('totalBudget'), project.totalBudget === null ? '—' : euro.format(project.totalBudget)],
		[label('requestedAmount'), project.requestedAmount === null ? '—' : euro.format(project.requestedAmount)]
	];
	const pad = 10;
	const cellWidth = (sheet.width - pad * 2) / cells.length;
	sheet.style('bold', 10);
	const height = Math.max(...cells.map(([, v]) => doc.heightOfString(text.clean(v), { width: cellWidth - 10 }))) + 14 + pad * 2;
	const top = doc.y;
	doc.save().rect(sheet.left, top, sheet.width, height).fill(COLOR.band).restore();
	cells.forEach(([name, value], i) => {
		const x = sheet.left + pad + i * cellWidth;
		sheet.style('regular', 8, COLOR.muted).text(text.clean(name).toUpperCase(), x, top + pad, { width: cellWidth - 10, lineBreak: false, ellipsis: true, height: 10 });
		sheet.style('bold', 10, COLOR.text).text(text.clean(value), x, top + pad + 13, { width: cellWidth - 10 });
	});
	doc.y = top + height;
}

function body(sheet: Sheet, input: PdfInput): void {
	for (const group of FIELD_GROUPS) {
		const rows = group.fields.map((key) => fieldValue(input.project, key)).filter((r): r is [string, string] => r !== null);
		if (rows.length === 0) continue;
		sheet.section(dutch(group.title));
		for (const [name, value] of rows) sheet.row(name, value);
	}
	sheet.section(dutch('field_description'));
	const { blocks, truncated } = input.description;
	if (blocks.length === 0) sheet.style('italic', 10.5, COLOR.muted).text(dutch('project_export_empty'), sheet.left, sheet.doc.y);
	for (const block of blocks) sheet.block(block);
	if (truncated) sheet.style('italic', 9.5, COLOR.muted).text(dutch('project_export_truncated', { count: DESCRIPTION_LIMIT.toLocaleString('nl-NL') }), sheet.left, sheet.doc.y + 4, { width: sheet.width });

	sheet.section(dutch('links_title'));
	if (input.links.length === 0) sheet.style('italic', 10.5, COLOR.muted).text(dutch('project_export_empty'), sheet.left, sheet.doc.y);
	for (const link of input.links) {
		const note = link.note ? `\n${link.note}` : '';
		sheet.row(dutch(`link_${link.type}`), `${link.other.code} · ${link.other.title}${note}`);
	}

	sheet.section(dutch('timeline_title'));
	for (const event of input.timeline) {
		const by = event.userName ? ` — ${dutch('project_export_by', { name: event.userName })}` : '';
		sheet.row(date.format(event.at), `${describeEvent(event)}${event.note ? `: ${event.note}` : ''}${by}`);
	}
	if (sheet.text.replaced) sheet.style('italic', 8.5, COLOR.muted).text(dutch('project_export_replaced'), sheet.left, sheet.doc.y + 10, { width: sheet.width });
}

/** Running header from page 2 on, and on every page the footer with "Pagina n van m". */
function pageFurniture(sheet: Sheet, input: PdfInput): void {
	const { doc, text } = sheet;
	const range = doc.bufferedPageRange();
	const generated = dutch('project_export_generated', { date: dateTime.format(input.generatedAt) });
	for (let i = range.start; i < range.start + range.count; i++) {
		doc.switchToPage(i);
		// Writing inside the bottom margin would otherwise make pdfkit start a new page.
		doc.page.margins.bottom = 0;
		if (i > range.start) {
			sheet.style('regular', 8.5, COLOR.muted).text(text.clean(`${input.project.code} · ${input.project.title}`), sheet.left, 34, { width: sheet.width, height: 11, lineBreak: false, ellipsis: true });
			sheet.rule(48);
		}
		const y = doc.page.height - 48;
		sheet.rule(y - 8);
		sheet.style('bold', 8.5, COLOR.accent).text('Tafel', sheet.left, y, { continued: true, lineBreak: false });
		sheet.style('regular', 8.5, COLOR.muted).text(`  ·  ${input.project.code}  ·  ${generated}`, { lineBreak: false });
		sheet.style('regular', 8.5, COLOR.muted).text(dutch('project_export_page', { page: i - range.start + 1, pages: range.count }), sheet.left, y, { width: sheet.width, align: 'right', lineBreak: false });
		doc.page.margins.bottom = MARGIN.bottom;
	}
}

/** Lays out the PDF; pure apart from reading the font files once. */
export async function renderProjectPdf(input: PdfInput): Promise<Buffer> {
	const sheet = new Sheet({ title: `${input.project.code} · ${input.project.title}`, author: input.project.ownerName });
	const chunks: Buffer[] = [];
	const done = new Promise<Buffer>((resolve, reject) => {
		sheet.doc.on('data', (chunk: Buffer) => chunks.push(chunk));
		sheet.doc.on('end', () => resolve(Buffer.concat(chunks)));
		sheet.doc.on('error', reject);
	});
	header(sheet, input);
	body(sheet, input);
	pageFurniture(sheet, input);
	sheet.doc.end();
	return done;
}

/** null = not found or not visible to this actor (the route answers 404 either way). */
export async function projectPdf(actor: Actor, id: string): Promise<{ code: string; pdf: Buffer } | null> {
	const project = await getProject(actor, id);
	if (!project) return null;
	const [links, timeline, description] = await Promise.all([listLinks(actor, id), projectTimeline(actor, id), storedDescription(project.id, project.descriptionText, DESCRIPTION_LIMIT)]);
	const pdf = await renderProjectPdf({ project, description, links: links ?? [], timeline: timeline ?? [], generatedAt: new Date() });
	return { code: project.code, pdf };
}
