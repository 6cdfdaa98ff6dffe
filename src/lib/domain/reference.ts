/**
 * Lookup lists for the project record, derived from the reference files shipped in
 * src/lib/reference (sources and verification levels stay there). Only id + label
 * travel to the browser.
 */
import provincesRef from '../reference/provinces.json' with { type: 'json' };
import regionsRef from '../reference/regions.json' with { type: 'json' };
import themesRef from '../reference/themes.json' with { type: 'json' };
import instrumentsRef from '../reference/instruments.json' with { type: 'json' };

export interface Option {
	id: string;
	label: string;
}

export const PROVINCES: (Option & { cbs: string })[] = provincesRef.provincies.map((p) => ({ id: p.iso_3166_2, label: p.naam, cbs: p.cbs_code }));

export const COROP: (Option & { province: string })[] = regionsRef.corop_gebieden.map((c) => ({ id: c.code, label: c.naam, province: c.provincie }));

export const THEMES: Option[] = themesRef.themas.map((t) => ({ id: t.id, label: t.naam }));

export const KIAS: Option[] = themesRef.kias.map((k) => ({ id: k.id, label: k.afkorting ?? k.naam }));

/** Placeholder missions (unknown content) are never offered: the reference marks them uncertain. */
export const MISSIONS: (Option & { theme: string; kia: string })[] = themesRef.missies_2019
	.filter((m) => !('placeholder' in m && m.placeholder))
	.map((m) => ({ id: m.id, label: m.label, theme: m.thema_id, kia: m.kia }));

export const KEY_TECHNOLOGIES: Option[] = themesRef.sleuteltechnologieen_nts_2024.items.map((t) => ({ id: t.id, label: t.naam }));

export const INSTRUMENTS: Option[] = instrumentsRef.instrumenten.map((i) => ({ id: i.id, label: i.naam }));

export const STATUSES = ['idee', 'verkenning', 'uitwerking', 'aanvraag', 'besluit', 'uitvoering', 'afgerond', 'gepauzeerd', 'gestopt'] as const;
export type ProjectStatus = (typeof STATUSES)[number];

export const PHASES = ['onderzoek', 'haalbaarheid', 'ontwikkeling', 'demonstratie', 'opschaling', 'uitrol', 'n.v.t.'] as const;

export const INITIATOR_TYPES = [
	'mkb', 'startup', 'grootbedrijf', 'consortium', 'cooperatie', 'stichting', 'kennisinstelling_wo', 'kennisinstelling_hbo',
	'mbo_instelling', 'to2_instituut', 'zorginstelling', 'gemeente', 'provincie', 'regio_samenwerking', 'rom', 'overig'
] as const;

export const LINK_TYPES = ['overlap', 'complementair', 'keten', 'afhankelijk', 'fusiekandidaat'] as const;
export type LinkType = (typeof LINK_TYPES)[number];

const byId = <T extends Option>(list: T[]) => new Map(list.map((o) => [o.id, o]));
export const LOOKUP = {
	provinces: byId(PROVINCES),
	corop: byId(COROP),
	themes: byId(THEMES),
	kias: byId(KIAS),
	missions: byId(MISSIONS),
	keyTechnologies: byId(KEY_TECHNOLOGIES),
	instruments: byId(INSTRUMENTS)
};
