import { describe, expect, test } from 'vitest';
import { documentName, parseDocumentName } from './documents.ts';

describe('document names', () => {
	test.each([
		['werkagenda:platform', 'werkagenda', 'platform'],
		['project:abc-123', 'project', 'abc-123'],
		['tafel:t1:notes', 'tafel-notes', 't1']
	])('%s is a %s document', (name, kind, id) => {
		expect(parseDocumentName(name)).toEqual({ name, kind, id });
	});
	test.each(['', 'project:', 'project:../x', 'unknown:1', 'tafel:t1', 'project:ABC', 'werkagenda:platform\u0000', 'project:' + 'a'.repeat(200)])(
		'%j is refused',
		(name) => {
			expect(parseDocumentName(name)).toBeNull();
		}
	);
	test('builders produce names the parser accepts', () => {
		for (const name of [documentName.werkagenda(), documentName.project('p1'), documentName.tafelNotes('t9')]) {
			expect(parseDocumentName(name)).not.toBeNull();
		}
	});
});
