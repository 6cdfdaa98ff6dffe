import { expect, test } from 'vitest';
import { labelTextColor, organisationColor, toHexColor } from './colors.ts';

test('an organisation always gets the same hex caret colour, and organisations differ', () => {
	expect(organisationColor('prov-nb')).toMatch(/^#[0-9a-f]{6}$/);
	expect(organisationColor('prov-nb')).toBe(organisationColor('prov-nb'));
	expect(organisationColor('prov-nb')).not.toBe(organisationColor('prov-gr'));
});

test('older peers’ hsl colours become hex; anything else a neutral grey', () => {
	expect(toHexColor('hsl(0 100% 50%)')).toBe('#ff0000');
	expect(toHexColor('#ABCDEF')).toBe('#abcdef');
	expect(toHexColor('red; background: url(x)')).toBe('#475569');
	expect(toHexColor(undefined)).toBe('#475569');
});

test('caret labels get white text on dark colours and near-black on light ones', () => {
	expect(labelTextColor('#000080')).toBe('#ffffff');
	expect(labelTextColor('#ffff00')).toBe('#111111');
	expect(labelTextColor('hsl(0 0% 95%)')).toBe('#111111');
});
