import { describe, expect, test } from 'vitest';
import { extractMentions } from '../../domain/comment-body.ts';
import { cleanLabel, mentionStartsAt, toDisplay, toStored, type Mention } from './mention-text.ts';

const ans: Mention = { kind: 'user', id: 'u-ans', label: 'Ans de Vries' };
const brabant: Mention = { kind: 'org', id: 'prov-nb', label: 'Provincie Noord-Brabant' };

describe('mentions show as names in the box and are stored as markup', () => {
	test('picked names become the tokens the server parses, so notifications go out as before', () => {
		const stored = toStored('Graag een reactie van @Ans de Vries en @Provincie Noord-Brabant.', [ans, brabant]);
		expect(stored).toBe('Graag een reactie van @[Ans de Vries](user:u-ans) en @[Provincie Noord-Brabant](org:prov-nb).');
		expect(extractMentions(stored)).toEqual({ users: ['u-ans'], organisations: ['prov-nb'] });
	});

	test('editing a stored comment shows names and stores the same body again', () => {
		const body = '@[Ans de Vries](user:u-ans) kijk je mee? cc @[Provincie Noord-Brabant](org:prov-nb)';
		const shown = toDisplay(body);
		expect(shown.text).toBe('@Ans de Vries kijk je mee? cc @Provincie Noord-Brabant');
		expect(shown.mentions).toEqual([ans, brabant]);
		expect(toStored(shown.text, shown.mentions)).toBe(body);
	});

	test('a name changed after picking is plain text; so is a name run on into more letters', () => {
		expect(toStored('@Ans de Vr bedankt', [ans])).toBe('@Ans de Vr bedankt');
		expect(toStored('@Ans de Vriesje', [ans])).toBe('@Ans de Vriesje');
		expect(toStored('mail@Ans de Vries', [ans])).toBe('mail@Ans de Vries');
		expect(toStored('(@Ans de Vries)', [ans])).toBe('(@[Ans de Vries](user:u-ans))');
	});

	test('the longest picked name wins, and names with regex characters are matched literally', () => {
		const ansOnly: Mention = { kind: 'user', id: 'u-a', label: 'Ans' };
		const bosch: Mention = { kind: 'org', id: 'g-db', label: "Gemeente 's-Hertogenbosch (fictief)" };
		expect(toStored('@Ans en @Ans de Vries', [ansOnly, ans])).toBe('@[Ans](user:u-a) en @[Ans de Vries](user:u-ans)');
		expect(toStored("@Gemeente 's-Hertogenbosch (fictief) doet mee", [bosch])).toBe("@[Gemeente 's-Hertogenbosch (fictief)](org:g-db) doet mee");
	});

	test('typing on after a picked name is not a new lookup', () => {
		const text = 'Goed punt @Ans de Vries we koppelen';
		expect(mentionStartsAt(text, text.indexOf('@'), [ans])).toBe(true);
		expect(mentionStartsAt('Goed punt @Ans de', 10, [ans])).toBe(false);
		expect(mentionStartsAt(text, 10, [])).toBe(false);
	});

	test('labels cannot break the stored token', () => {
		expect(cleanLabel('Ans [de] Vries\n')).toBe('Ans de Vries');
	});
});
