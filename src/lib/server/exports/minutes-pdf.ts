/**
 * The minutes of a brede tafel as an A4 PDF (internal or public), in Dutch, laid out
 * with the project export's sheet (fonts, sections, rows, rich-text blocks).
 */
import { dateTimeFormat } from '../../i18n/time.ts';
import type { Minutes, MinutesItem } from '../services/tafels-minutes.ts';
import { COLOR, Sheet } from './pdf.ts';
import { MINUTES_TEXT as T, aboutLine, actionLine, attendeeLine, decisionLine, itemTime, statusLine, voteHeading, voteLine } from './minutes-text.ts';

const generated = dateTimeFormat('nl', { dateStyle: 'long', timeStyle: 'short' });

function paragraph(sheet: Sheet, text: string, options: { muted?: boolean; bullet?: boolean } = {}): void {
	const indent = options.bullet ? 14 : 0;
	sheet.style('regular', 10.5);
	sheet.space(24);
	const y = sheet.doc.y;
	if (options.bullet) {
		sheet.style('regular', 10.5, COLOR.muted).text('•', sheet.left, y, { width: 10, lineBreak: false });
		sheet.doc.y = y;
	}
	sheet.style(options.muted ? 'italic' : 'regular', 10.5, options.muted ? COLOR.muted : COLOR.text).text(sheet.text.clean(text, true), sheet.left + indent, y, { width: sheet.width - indent, lineGap: 2 });
	sheet.doc.y += 3;
}

function label(sheet: Sheet, text: string): void {
	sheet.space(40);
	sheet.doc.y += 4;
	sheet.style('bold', 10, COLOR.accent).text(sheet.text.clean(text), sheet.left, sheet.doc.y, { width: sheet.width });
	sheet.doc.y += 2;
}

function item(sheet: Sheet, m: Minutes, it: MinutesItem, n: number | null): void {
	sheet.space(80);
	sheet.doc.y += 8;
	sheet.style('bold', 12, COLOR.text).text(sheet.text.clean(`${n === null ? '' : `${n}. `}${it.title}${itemTime(it)}`), sheet.left, sheet.doc.y, { width: sheet.width });
	sheet.doc.y += 2;
	if (it.note) paragraph(sheet, it.note, { muted: true });
	if (it.projects.length) {
		label(sheet, T.projects);
		for (const p of it.projects) paragraph(sheet, `${p.code} · ${p.title}${p.versionId && !m.public ? ` — ${T.versionTaken}: ${m.milestoneLabel}` : ''}`, { bullet: true });
	}
	label(sheet, T.decisions);
	if (!it.decisions.length) paragraph(sheet, T.none, { muted: true });
	for (const d of it.decisions) paragraph(sheet, decisionLine(d), { bullet: true });
	label(sheet, T.actions);
	if (!it.actions.length) paragraph(sheet, T.none, { muted: true });
	for (const a of it.actions) paragraph(sheet, actionLine(a), { bullet: true });
}

function furniture(sheet: Sheet, m: Minutes, at: Date): void {
	const { doc } = sheet;
	const range = doc.bufferedPageRange();
	for (let i = range.start; i < range.start + range.count; i++) {
		doc.switchToPage(i);
		// Writing inside the bottom margin would otherwise make pdfkit start a new page.
		const bottom = doc.page.margins.bottom;
		doc.page.margins.bottom = 0;
		const y = doc.page.height - 48;
		sheet.rule(y - 8);
		sheet.style('regular', 8.5, COLOR.muted).text(sheet.text.clean(`Tafel  ·  ${m.title}  ·  ${generated.format(at)}`), sheet.left, y, { width: sheet.width - 90, lineBreak: false, ellipsis: true, height: 11 });
		sheet.style('regular', 8.5, COLOR.muted).text(`Pagina ${i - range.start + 1} van ${range.count}`, sheet.left, y, { width: sheet.width, align: 'right', lineBreak: false });
		doc.page.margins.bottom = bottom;
	}
}

export async function minutesPdf(m: Minutes, at = new Date()): Promise<Buffer> {
	const title = `${m.public ? T.publicKind : T.kind}: ${m.title}`;
	const sheet = new Sheet({ title, author: 'Tafel' });
	const chunks: Buffer[] = [];
	const done = new Promise<Buffer>((resolve, reject) => {
		sheet.doc.on('data', (chunk: Buffer) => chunks.push(chunk));
		sheet.doc.on('end', () => resolve(Buffer.concat(chunks)));
		sheet.doc.on('error', reject);
	});
	const { doc } = sheet;
	doc.save().rect(0, 0, doc.page.width, 8).fill(COLOR.accent).restore();
	sheet.style('bold', 9, COLOR.accent).text('TAFEL', sheet.left, 34, { continued: true, characterSpacing: 1.2 });
	sheet.style('regular', 9, COLOR.muted).text(`   ${m.public ? T.publicKind : T.kind}`, { characterSpacing: 0 });
	sheet.style('bold', 20, COLOR.text).text(sheet.text.clean(m.title), sheet.left, 70, { width: sheet.width });
	sheet.style('regular', 10.5, COLOR.muted).text(sheet.text.clean(aboutLine(m)), sheet.left, doc.y + 4, { width: sheet.width });
	sheet.style('bold', 10.5, COLOR.text).text(statusLine(m), sheet.left, doc.y + 2, { width: sheet.width });
	if (m.public) paragraph(sheet, T.publicNote, { muted: true });

	sheet.section(T.attendees);
	if (!m.attendees.length) paragraph(sheet, T.noAttendees, { muted: true });
	for (const a of m.attendees) paragraph(sheet, attendeeLine(a), { bullet: true });

	sheet.section(T.agenda);
	m.items.forEach((it, i) => item(sheet, m, it, i + 1));
	if (m.other) item(sheet, m, m.other, null);
	if (m.votes.length) {
		sheet.section(T.votes);
		for (const v of m.votes) {
			paragraph(sheet, voteHeading(v));
			for (const r of v.result) paragraph(sheet, voteLine(r), { bullet: true });
		}
	}

	sheet.section(T.notes);
	if (!m.notesBlocks.blocks.length) paragraph(sheet, T.noNotes, { muted: true });
	for (const block of m.notesBlocks.blocks) sheet.block(block);
	if (m.notesBlocks.truncated) paragraph(sheet, T.notesTruncated, { muted: true });

	if (!m.public && m.threads.length) {
		sheet.section(T.threads);
		for (const t of m.threads) paragraph(sheet, `${t.quote ? `“${t.quote}” — ` : ''}${t.resolved ? `(${T.resolved}) ` : ''}${t.comments.map((c) => `${c.author} (${c.organisation}): ${c.body}`).join(' · ')}`, { bullet: true });
	}
	furniture(sheet, m, at);
	doc.end();
	return done;
}
