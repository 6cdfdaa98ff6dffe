import { describe, expect, test } from 'vitest';
import { MAP_COLOURS, binIndex, colourBins, niceStep } from './scale';

describe('map colour scale', () => {
	test('steps are round numbers at or above the raw step', () => {
		expect(niceStep(4.6)).toBe(5);
		expect(niceStep(6.2)).toBe(7.5);
		expect(niceStep(62_400_000)).toBe(75_000_000);
		expect(niceStep(1)).toBe(1);
		expect(niceStep(0)).toBe(1);
	});

	test('project counts get five whole-number bins that cover the largest value', () => {
		const bins = colourBins(23, true);
		expect(bins.map((b) => [b.from, b.to])).toEqual([[0, 5], [5, 10], [10, 15], [15, 20], [20, 25]]);
		expect(bins.map((b) => b.colour)).toEqual([...MAP_COLOURS]);
		expect(colourBins(3, true).map((b) => b.to)).toEqual([1, 2, 3, 4, 5]);
		expect(colourBins(31, true)[1].to).toBe(16);
	});

	test('values land in the bin whose upper bound they reach; zero has no colour', () => {
		const bins = colourBins(23, true);
		expect(binIndex(bins, 0)).toBe(-1);
		expect(binIndex(bins, 1)).toBe(0);
		expect(binIndex(bins, 5)).toBe(0);
		expect(binIndex(bins, 6)).toBe(1);
		expect(binIndex(bins, 23)).toBe(4);
		expect(binIndex(bins, 999)).toBe(4);
	});

	test('budgets get euro boundaries and the largest budget falls in the darkest bins', () => {
		const bins = colourBins(312_000_000, false);
		expect(bins[4].to).toBe(375_000_000);
		expect(binIndex(bins, 312_000_000)).toBe(4);
		expect(binIndex(bins, 10_000_000)).toBe(0);
	});

	test('an empty dashboard still has a legend', () => {
		expect(colourBins(0, true).map((b) => b.to)).toEqual([1, 2, 3, 4, 5]);
	});
});
