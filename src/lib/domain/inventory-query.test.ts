import { describe, expect, test } from 'vitest';
import { codePrefix, DEFAULT_QUERY, parseInventoryQuery, serializeInventoryQuery } from './inventory-query.ts';

const parse = (s: string) => parseInventoryQuery(new URLSearchParams(s));

describe('the inventory view in the URL', () => {
	test('a view survives a round trip through its link', () => {
		const query = parse('zoek=waterstof&provincie=NL-NB&provincie=NL-GE&thema=energie-klimaat&budget_min=1000000&sorteer=totalBudget&richting=desc&groepeer=province&pagina=3');
		expect(parse(serializeInventoryQuery(query).toString())).toEqual(query);
		expect(query.provinces).toEqual(['NL-NB', 'NL-GE']);
		expect(query.page).toBe(3);
	});
	test('the default view has an empty query string', () => {
		expect(serializeInventoryQuery(DEFAULT_QUERY).toString()).toBe('');
	});
	test('unknown values and malformed parameters are ignored, not errors', () => {
		const query = parse('provincie=NL-XX&status=klaar&sorteer=hack;drop&pagina=-4&per_pagina=99999&budget_min=veel&organisatie=../etc');
		expect(query).toEqual(DEFAULT_QUERY);
	});
	test('search text is capped', () => {
		expect(parse('zoek=' + 'a'.repeat(5000)).q.length).toBe(200);
	});
});

describe('a search that looks like a project code', () => {
	test.each([
		['RIP-2026-0012', 'RIP-2026-0012'],
		['rip-demo-00', 'RIP-DEMO-00'],
		['RIP-', 'RIP-']
	])('%s is also matched as the start of a code (%s)', (q, prefix) => {
		expect(codePrefix(q)).toBe(prefix);
	});
	test.each(['waterstof', 'RIP', 'rip 2026', 'RIP-%', 'RIP-_1', 'a-b\\c', '2026-0012', 'zon-en-wind park'])('%s is searched as words only', (q) => {
		expect(codePrefix(q)).toBeNull();
	});
});
