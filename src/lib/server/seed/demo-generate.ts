/**
 * One generated fictitious project, drawn from the distributions in generator_spec.json
 * and kept consistent with its rules where they map onto our fields (R01 cofinancing =
 * total − requested, R03/R04 regions, R05 existing ids, R06 missions and KIAs, R10 TRL).
 */
import spec from '../../reference/generator_spec.json' with { type: 'json' };
import { LOOKUP, MISSIONS, type ProjectStatus } from '../../domain/reference.ts';
import type { Random } from './random.ts';
import { VOCAB, type CoreTerm } from './demo-vocab.ts';

const DIST = spec.verdelingen;

/** Neighbouring provinces (spec.buurprovincies), without the verification note. */
export const NEIGHBOURS: ReadonlyMap<string, string[]> = new Map(
	Object.entries(spec.buurprovincies).filter((entry): entry is [string, string[]] => Array.isArray(entry[1]))
);

/** Cross-cutting themes need no mission of their own (R06). */
const CROSS_CUTTING = new Set(['sleuteltechnologieen', 'verdienvermogen', 'digitalisering']);
const THEME_KIA: Record<string, string> = { sleuteltechnologieen: 'kia-st', digitalisering: 'kia-d', verdienvermogen: 'kia-mvv' };

/** Where projects come from: roughly the size of each regional economy (not in the spec). */
const PROVINCE_WEIGHTS = {
	'NL-GR': 6, 'NL-FR': 6, 'NL-DR': 5, 'NL-OV': 8, 'NL-FL': 4, 'NL-GE': 11,
	'NL-UT': 8, 'NL-NH': 12, 'NL-ZH': 14, 'NL-ZE': 4, 'NL-NB': 13, 'NL-LI': 7
} as const;

export function pickFirstProvince(random: Random): string {
	return random.weighted(PROVINCE_WEIGHTS);
}

/** Provinces by spec.aantal_provincies, growing along borders; 1–2 COROP areas each (R04). */
export function pickRegion(random: Random, first: string): { provinces: string[]; corop: string[] } {
	const bucket = random.weighted(DIST.aantal_provincies);
	const count = bucket === '4+' ? random.int(4, 5) : Number(bucket);
	const provinces = [first];
	while (provinces.length < count) {
		const options = [...new Set(provinces.flatMap((p) => NEIGHBOURS.get(p) ?? []))].filter((p) => !provinces.includes(p));
		if (!options.length) break;
		provinces.push(random.pick(options));
	}
	const corop = provinces.flatMap((p) => {
		const areas = [...LOOKUP.corop.values()].filter((c) => c.province === p).map((c) => c.id);
		return random.sample(areas, random.chance(0.3) ? 2 : 1);
	});
	return { provinces, corop };
}

export interface Policy {
	themeId: string;
	core: CoreTerm;
	application: string;
	missionIds: string[];
	kiaIds: string[];
	keyTechnologyIds: string[];
}

/** Theme by spec.thema; missions from the core term plus sometimes one more of the theme (R06). */
export function pickPolicy(random: Random): Policy {
	const themeId = random.weighted(DIST.thema);
	const vocab = VOCAB[themeId];
	const core = random.pick(vocab.terms);
	const missionIds = core.missions.filter((m, i) => LOOKUP.missions.has(m) && (i === 0 || random.chance(0.7)));
	const ofTheme = MISSIONS.filter((m) => m.theme === themeId && !missionIds.includes(m.id));
	if (ofTheme.length && missionIds.length < 3 && random.chance(0.3)) missionIds.push(random.pick(ofTheme).id);
	if (!CROSS_CUTTING.has(themeId) && !missionIds.some((m) => LOOKUP.missions.get(m)?.theme === themeId)) missionIds.unshift(random.pick(ofTheme).id);
	const keyTechnologyIds = core.techs.filter((id, i) => i === 0 || random.chance(0.75));
	if (keyTechnologyIds.length < 3 && random.chance(0.2)) {
		// An extra technology comes from elsewhere in the same theme, so the mix stays plausible.
		const extra = random.pick(vocab.terms.flatMap((t) => t.techs).concat(core.techs));
		if (!keyTechnologyIds.includes(extra)) keyTechnologyIds.push(extra);
	}
	const kiaIds = [...new Set([...missionIds.map((m) => LOOKUP.missions.get(m)?.kia ?? ''), THEME_KIA[themeId] ?? ''].filter(Boolean))];
	if (keyTechnologyIds.includes('nts-ai-data') && !kiaIds.includes('kia-d') && random.chance(0.4)) kiaIds.push('kia-d');
	return { themeId, core, application: random.pick(core.applications), missionIds, kiaIds, keyTechnologyIds };
}

const INITIATOR_WEIGHTS: Record<string, number> = {
	mkb: 22, startup: 10, grootbedrijf: 6, consortium: 16, cooperatie: 8, stichting: 10, kennisinstelling_wo: 6,
	kennisinstelling_hbo: 6, mbo_instelling: 5, to2_instituut: 4, regio_samenwerking: 5
};

export function pickInitiatorType(random: Random, themeId: string): string {
	// Care institutions lead health projects; elsewhere they are rare.
	return random.weighted({ ...INITIATOR_WEIGHTS, zorginstelling: themeId === 'gz' ? 14 : 0 });
}

/** Total budget: lognormal with the spec's median, p10 and p90 (one sigma per side), rounded to 50k. */
export function pickBudget(random: Random): { totalBudget: number; requestedAmount: number; cofinancing: number } {
	const { mediaan, p10, p90, afronding } = DIST.totaal_eur;
	const z = random.normal();
	const sigma = Math.log(z < 0 ? mediaan / p10 : p90 / mediaan) / 1.2816;
	const totalBudget = Math.min(400_000_000, Math.max(afronding, Math.round((mediaan * Math.exp(sigma * z)) / afronding) * afronding));
	const share = random.triangular(DIST.gevraagd_aandeel_van_totaal.min, DIST.gevraagd_aandeel_van_totaal.max, DIST.gevraagd_aandeel_van_totaal.modus);
	const requestedAmount = Math.min(totalBudget, Math.round((totalBudget * share) / 5000) * 5000);
	return { totalBudget, requestedAmount, cofinancing: totalBudget - requestedAmount };
}

interface InstrumentContext {
	themeId: string;
	initiatorType: string;
	totalBudget: number;
	status: ProjectStatus;
}

/** Plausibility per instrument (instruments.json generator_regels), with a weight for how common it is. */
const INSTRUMENT_RULES: Record<string, { weight: number; fits: (c: InstrumentContext) => boolean }> = {
	efro: { weight: 3, fits: () => true },
	rom: { weight: 2, fits: (c) => ['mkb', 'startup', 'grootbedrijf', 'consortium', 'cooperatie'].includes(c.initiatorType) },
	mit: { weight: 2, fits: (c) => ['mkb', 'startup', 'consortium'].includes(c.initiatorType) },
	vff: { weight: 2, fits: (c) => ['mkb', 'startup'].includes(c.initiatorType) && c.totalBudget <= 1_500_000 },
	'invest-nl': { weight: 1, fits: (c) => c.totalBudget >= 5_000_000 },
	'regio-deal': { weight: 1, fits: (c) => c.totalBudget >= 10_000_000 },
	'glb-pop': { weight: 3, fits: (c) => c.themeId === 'lwv' || (c.themeId === 'energie-klimaat' && c.totalBudget <= 5_000_000) },
	'rif-mbo': { weight: 3, fits: (c) => c.initiatorType === 'mbo_instelling' },
	// The Groeifonds only appears as history: big projects already running or done.
	'nationaal-groeifonds': { weight: 1, fits: (c) => c.totalBudget >= 60_000_000 && ['uitvoering', 'afgerond'].includes(c.status) }
};

/** 1–3 instruments by spec.aantal_instrumenten; an mbo school always asks the RIF. */
export function pickInstruments(random: Random, context: InstrumentContext): string[] {
	const count = Number(random.weighted(DIST.aantal_instrumenten));
	const fitting = Object.keys(INSTRUMENT_RULES).filter((id) => LOOKUP.instruments.has(id) && INSTRUMENT_RULES[id].fits(context));
	const first = context.initiatorType === 'mbo_instelling' ? ['rif-mbo'] : [];
	const rest = random.sample(fitting.filter((id) => !first.includes(id)), count - first.length, (id) => INSTRUMENT_RULES[id].weight);
	return [...first, ...rest];
}

const PHASE_WEIGHTS: Record<string, Record<string, number>> = {
	default: { onderzoek: 8, haalbaarheid: 15, ontwikkeling: 30, demonstratie: 20, opschaling: 12, uitrol: 8, 'n.v.t.': 7 },
	verdienvermogen: { haalbaarheid: 10, opschaling: 10, uitrol: 20, 'n.v.t.': 60 }
};

/** Innovation phase and a TRL inside the spec's range for that phase (R10). */
export function pickPhase(random: Random, themeId: string): { phase: string; trlCurrent: number | null; trlTarget: number | null } {
	const phase = random.weighted(PHASE_WEIGHTS[themeId] ?? PHASE_WEIGHTS.default);
	const range = (DIST.trl_per_fase as Record<string, number[] | null>)[phase];
	if (!range) return { phase, trlCurrent: null, trlTarget: null };
	const trlCurrent = random.int(range[0], range[1]);
	return { phase, trlCurrent, trlTarget: Math.min(9, trlCurrent + random.int(1, 3)) };
}

export function pickStatus(random: Random): ProjectStatus {
	return random.weighted(DIST.status);
}
