import { expect, test } from 'vitest';
import { PROVINCES } from '../domain/reference.ts';
import { MAP_WIDTH, provinceMap } from './map.ts';

test('the map has one non-empty path for each of the 12 provinces, keyed by ISO code', () => {
	const map = provinceMap();
	expect(map.provinces.map((p) => p.id).sort()).toEqual(PROVINCES.map((p) => p.id).sort());
	expect(map.provinces).toHaveLength(12);
	for (const province of map.provinces) {
		expect(province.d, province.id).toMatch(/^M[\d.,-]+L/);
		expect(province.d.length, province.id).toBeGreaterThan(200);
	}
	expect(map.outline.length).toBeGreaterThan(1000);
});

test('the paths fit the drawing, with a country taller than wide', () => {
	const map = provinceMap();
	expect(map.width).toBe(MAP_WIDTH);
	expect(map.height).toBeGreaterThan(map.width);
	expect(map.height).toBeLessThan(map.width * 1.4);
	const numbers = map.provinces.flatMap((p) => p.d.match(/-?\d+(\.\d+)?/g) ?? []).map(Number);
	expect(Math.min(...numbers)).toBeGreaterThanOrEqual(-0.1);
	expect(Math.max(...numbers)).toBeLessThanOrEqual(map.height + 0.1);
});

test('labels sit inside the drawing, Noord-Holland below Fryslân and Limburg lowest', () => {
	const map = provinceMap();
	const at = (id: string) => map.provinces.find((p) => p.id === id)!;
	for (const p of map.provinces) {
		expect(p.labelX).toBeGreaterThan(0);
		expect(p.labelX).toBeLessThan(map.width);
		expect(p.labelY).toBeGreaterThan(0);
		expect(p.labelY).toBeLessThan(map.height);
	}
	expect(at('NL-NH').labelY).toBeGreaterThan(at('NL-FR').labelY);
	expect(Math.max(...map.provinces.map((p) => p.labelY))).toBe(at('NL-LI').labelY);
});

test('the projection is computed once and cached', () => {
	expect(provinceMap()).toBe(provinceMap());
});
