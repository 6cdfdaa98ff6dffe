/**
 * The comment box shows mentions as names ("@Ans de Vries"); the stored body keeps the
 * markup the server parses (`@[Ans de Vries](user:u-1)`, see domain/comment-body.ts),
 * so notifications work as before. The box remembers which names were picked from the
 * suggestions; a name edited afterwards is plain text again, as the person now sees it.
 */
export interface Mention {
	kind: 'user' | 'org';
	id: string;
	label: string;
}

const TOKEN = /@\[([^\]\n]{1,120})\]\((user|org):([A-Za-z0-9_-]{1,64})\)/g;

/** Labels may not hold brackets or line breaks: they would end the stored token early. */
export function cleanLabel(label: string): string {
	return label.replace(/[\][\n\r]/g, '').slice(0, 120);
}

/** Stored body → the text the box shows, with the mentions it holds. */
export function toDisplay(body: string): { text: string; mentions: Mention[] } {
	const mentions: Mention[] = [];
	const text = body.replace(TOKEN, (_all, label: string, kind: 'user' | 'org', id: string) => {
		if (!mentions.some((m) => m.kind === kind && m.id === id && m.label === label)) mentions.push({ kind, id, label });
		return `@${label}`;
	});
	return { text, mentions };
}

const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** A picked name, written as "@Name" and not running on into more letters ("@Ansje" is not "@Ans"). */
function namePattern(mentions: Mention[]): RegExp | null {
	const labels = [...new Set(mentions.map((m) => m.label))].sort((a, b) => b.length - a.length);
	return labels.length ? new RegExp(`(?<![\\p{L}\\p{N}@])@(${labels.map(escape).join('|')})(?![\\p{L}\\p{N}])`, 'gu') : null;
}

/** The text the box shows → the body to store: every picked "@Name" becomes its token again. */
export function toStored(text: string, mentions: Mention[]): string {
	const pattern = namePattern(mentions);
	if (!pattern) return text;
	return text.replace(pattern, (all, label: string) => {
		const mention = mentions.find((m) => m.label === label);
		return mention ? `@[${mention.label}](${mention.kind}:${mention.id})` : all;
	});
}

/** Does a picked mention start at `index`? Typing on after a name must not look it up again. */
export function mentionStartsAt(text: string, index: number, mentions: Mention[]): boolean {
	const pattern = namePattern(mentions);
	if (!pattern) return false;
	pattern.lastIndex = index;
	const match = pattern.exec(text);
	return match?.index === index;
}
