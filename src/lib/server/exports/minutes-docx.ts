/**
 * The minutes of a brede tafel as a Word document (internal or public), in Dutch,
 * written with the `docx` library: real headings and bulleted lists, so the document
 * can be edited and published as is.
 */
import { AlignmentType, Document, ExternalHyperlink, Footer, HeadingLevel, Packer, PageNumber, Paragraph, TextRun } from 'docx';
import type { Block } from './blocks.ts';
import type { Minutes, MinutesItem } from '../services/tafels-minutes.ts';
import { MINUTES_TEXT as T, aboutLine, actionLine, attendeeLine, decisionLine, itemTime, statusLine, voteHeading, voteLine } from './minutes-text.ts';

const heading = (text: string, level: (typeof HeadingLevel)[keyof typeof HeadingLevel]) => new Paragraph({ text, heading: level });
const bullet = (text: string) => new Paragraph({ text, bullet: { level: 0 } });
const muted = (text: string) => new Paragraph({ children: [new TextRun({ text, italics: true, color: '595959' })] });
const strong = (text: string) => new Paragraph({ children: [new TextRun({ text, bold: true })], spacing: { before: 120 } });

function item(m: Minutes, it: MinutesItem, n: number | null): Paragraph[] {
	const out = [heading(`${n === null ? '' : `${n}. `}${it.title}${itemTime(it)}`, HeadingLevel.HEADING_3)];
	if (it.note) out.push(muted(it.note));
	if (it.projects.length) {
		out.push(strong(T.projects));
		for (const p of it.projects) out.push(bullet(`${p.code} · ${p.title}${p.versionId && !m.public ? ` — ${T.versionTaken}: ${m.milestoneLabel}` : ''}`));
	}
	out.push(strong(T.decisions), ...(it.decisions.length ? it.decisions.map((d) => bullet(decisionLine(d))) : [muted(T.none)]));
	out.push(strong(T.actions), ...(it.actions.length ? it.actions.map((a) => bullet(actionLine(a))) : [muted(T.none)]));
	return out;
}

/** A block of the notes: headings stay headings, list items keep their depth, links stay links. */
function noteBlock(block: Block): Paragraph {
	const runs = block.runs.map((r) => {
		const run = new TextRun({ text: r.text, bold: r.bold || block.kind === 'heading', italics: r.italic, ...(r.href ? { style: 'Hyperlink' } : {}) });
		return r.href ? new ExternalHyperlink({ link: r.href, children: [run] }) : run;
	});
	if (block.kind === 'heading') return new Paragraph({ children: runs, heading: block.level === 1 ? HeadingLevel.HEADING_3 : HeadingLevel.HEADING_4 });
	// Ordered lists keep their number as text; bullets become Word's own list.
	if (block.marker && /\d/.test(block.marker)) return new Paragraph({ children: [new TextRun(`${block.marker} `), ...runs], indent: { left: 360 * (block.depth + 1) } });
	if (block.marker) return new Paragraph({ children: runs, bullet: { level: Math.min(block.depth, 8) } });
	return new Paragraph({ children: runs, ...(block.quote ? { indent: { left: 360 } } : {}) });
}

// Characters XML 1.0 does not allow (control characters but tab and newlines, lone
// surrogates, U+FFFE/U+FFFF): the notes come from Yjs as typed, so they may hold them, and
// one of them makes document.xml unreadable for Word.
const NOT_XML = /[^\t\n\r\u0020-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/gu;

/** Every string in the minutes with the characters XML cannot hold removed; dates and numbers as they are. */
function xmlSafe<T>(value: T): T {
	if (typeof value === 'string') return value.replace(NOT_XML, '') as T;
	if (Array.isArray(value)) return value.map(xmlSafe) as T;
	if (value && typeof value === 'object' && !(value instanceof Date)) return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, xmlSafe(v)])) as T;
	return value;
}

export async function minutesDocx(minutes: Minutes): Promise<Buffer> {
	const m = xmlSafe(minutes);
	const title = `${m.public ? T.publicKind : T.kind}: ${m.title}`;
	const body: Paragraph[] = [
		new Paragraph({ text: title, heading: HeadingLevel.TITLE }),
		new Paragraph({ text: aboutLine(m) }),
		new Paragraph({ children: [new TextRun({ text: statusLine(m), bold: true })] }),
		...(m.public ? [muted(T.publicNote)] : []),
		heading(T.attendees, HeadingLevel.HEADING_2),
		...(m.attendees.length ? m.attendees.map((a) => bullet(attendeeLine(a))) : [muted(T.noAttendees)]),
		heading(T.agenda, HeadingLevel.HEADING_2),
		...m.items.flatMap((it, i) => item(m, it, i + 1)),
		...(m.other ? item(m, m.other, null) : []),
		...(m.votes.length ? [heading(T.votes, HeadingLevel.HEADING_2), ...m.votes.flatMap((v) => [strong(voteHeading(v)), ...v.result.map((r) => bullet(voteLine(r)))])] : []),
		heading(T.notes, HeadingLevel.HEADING_2),
		...(m.notesBlocks.blocks.length ? m.notesBlocks.blocks.map(noteBlock) : [muted(T.noNotes)]),
		...(m.notesBlocks.truncated ? [muted(T.notesTruncated)] : [])
	];
	if (!m.public && m.threads.length) {
		body.push(heading(T.threads, HeadingLevel.HEADING_2));
		for (const t of m.threads) body.push(bullet(`${t.quote ? `“${t.quote}” — ` : ''}${t.resolved ? `(${T.resolved}) ` : ''}${t.comments.map((c) => `${c.author} (${c.organisation}): ${c.body}`).join(' · ')}`));
	}
	const document = new Document({
		creator: 'Tafel',
		title,
		description: statusLine(m),
		styles: { default: { document: { run: { font: 'Calibri', size: 22 } } } },
		sections: [
			{
				footers: { default: new Footer({ children: [new Paragraph({ alignment: AlignmentType.RIGHT, children: [new TextRun({ children: [`Tafel · ${m.title} · Pagina `, PageNumber.CURRENT, ' van ', PageNumber.TOTAL_PAGES], size: 16, color: '595959' })] })] }) },
				children: body
			}
		]
	});
	return Packer.toBuffer(document);
}
