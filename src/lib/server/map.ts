/**
 * The province map as SVG path strings, projected on the server once per process: the
 * browser gets ready-made paths and needs no map library or JavaScript to show them.
 * Boundaries: CBS / PDOK "Gebiedsindelingen" 2025 (CC BY 4.0), see reference/README.md.
 */
import { geoArea, geoMercator, geoPath } from 'd3-geo';
import { feature, mesh } from 'topojson-client';
import type { GeometryCollection, Topology } from 'topojson-specification';
import type { Feature, MultiPolygon, Polygon } from 'geojson';
import raw from '../reference/provincie_2025.topojson?raw';
import { PROVINCES } from '../domain/reference.ts';

export interface ProvinceShape {
	/** ISO 3166-2 code (NL-NB), the id the inventory filters on. */
	id: string;
	name: string;
	d: string;
	/** Where the value label goes: the centre of the province's largest part. */
	labelX: number;
	labelY: number;
}

export interface ProvinceMap {
	width: number;
	height: number;
	provinces: ProvinceShape[];
	/** The national border, drawn over the white inner borders so light provinces keep an edge. */
	outline: string;
}

interface CbsProperties {
	statcode: string;
	statnaam: string;
}

export const MAP_WIDTH = 400;

/** Mercator keeps the familiar shape at this latitude; fitted to a fixed width, height follows. */
export function buildProvinceMap(topology: Topology, width = MAP_WIDTH): ProvinceMap {
	const object = topology.objects.provincie_2025 as GeometryCollection<CbsProperties>;
	const collection = feature(topology, object);
	const projection = geoMercator().fitWidth(width, collection);
	// One decimal is a tenth of a pixel: invisible, and it halves the size of the page.
	const path = geoPath(projection).digits(1);
	const byCbs = new Map(PROVINCES.map((p) => [p.cbs, p]));
	const provinces: ProvinceShape[] = [];
	for (const shape of collection.features) {
		const province = byCbs.get(shape.properties.statcode);
		if (!province || (shape.geometry.type !== 'Polygon' && shape.geometry.type !== 'MultiPolygon')) continue;
		const [labelX, labelY] = path.centroid(largestPart(shape as Feature<Polygon | MultiPolygon>));
		provinces.push({ id: province.id, name: province.label, d: path(shape) ?? '', labelX: round(labelX), labelY: round(labelY) });
	}
	const [[, top], [, bottom]] = path.bounds(collection);
	return {
		width,
		height: Math.ceil(bottom - Math.min(0, top)),
		provinces,
		outline: path(mesh(topology, object, (a, b) => a === b)) ?? ''
	};
}

/** Islands (Texel, the Zeeland isles) would pull a centroid into the sea. */
function largestPart(shape: Feature<Polygon | MultiPolygon>): Feature<Polygon> {
	if (shape.geometry.type === 'Polygon') return shape as Feature<Polygon>;
	const parts = shape.geometry.coordinates.map((coordinates): Feature<Polygon> => ({ type: 'Feature', properties: {}, geometry: { type: 'Polygon', coordinates } }));
	return parts.reduce((best, part) => (geoArea(part) > geoArea(best) ? part : best));
}

const round = (n: number) => Math.round(n * 10) / 10;

let cached: ProvinceMap | null = null;

export function provinceMap(): ProvinceMap {
	cached ??= buildProvinceMap(JSON.parse(raw) as Topology);
	return cached;
}
