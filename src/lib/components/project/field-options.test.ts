import { expect, test } from 'vitest';
import { FIELDS } from '$lib/domain/project';
import { SECTIONS } from './field-options';

test('the record sections hold every field exactly once', () => {
	const listed = SECTIONS.flatMap((s) => s.fields);
	expect(new Set(listed).size).toBe(listed.length);
	expect([...listed].sort()).toEqual(Object.keys(FIELDS).sort());
});
