/**
 * The inventory query of a request, for the grid, the JSON API and the exports alike.
 * Control characters are dropped before parsing: PostgreSQL refuses a NUL in text, and
 * a search string with one would otherwise fail the whole request.
 */
import { parseInventoryQuery, type InventoryQuery } from '$lib/domain/inventory-query';

// eslint-disable-next-line no-control-regex -- matching control characters is the point
const CONTROL = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/g;

export function readInventoryQuery(params: URLSearchParams): InventoryQuery {
	const clean = new URLSearchParams();
	for (const [key, value] of params) clean.append(key, value.replace(CONTROL, ' ').toWellFormed());
	return parseInventoryQuery(clean);
}
