/**
 * Assembles one generated demo project: fields, Dutch texts, timeline and ownership.
 * Each project draws from its own seeded stream (seed = its number), so project 42 is
 * the same whether 150 or 10,000 projects are generated.
 */
import provincesRef from '../../reference/provinces.json' with { type: 'json' };
import type { ProjectFields } from '../../domain/project.ts';
import { createRandom, type Random } from './random.ts';
import type { DemoProject } from './demo-types.ts';
import { provinceOrganisationId } from './organisations.ts';
import { OUTCOMES, TECH_TAGS, THEME_TAGS, VOCAB } from './demo-vocab.ts';
import { pickBudget, pickInitiatorType, pickInstruments, pickPhase, pickPolicy, pickRegion, pickStatus, type Policy } from './demo-generate.ts';
import { demoTimeline } from './demo-timeline.ts';
import { contactPerson, euro, instrumentName, joinNl, lowerFirst, missionName, organisationName, regionName, technologyName } from './demo-text.ts';

const ROM_OF = new Map(provincesRef.provincies.map((p) => [p.iso_3166_2, p.rom_id]));

/** What the link logic needs beyond the fields: the value-chain position. */
export interface BuiltProject {
	project: DemoProject;
	policy: Policy;
}

export interface BuildOptions {
	number: number;
	firstProvince: string;
	concept: boolean;
	romOwned: boolean;
}

export const demoId = (n: number) => `rip-demo-${String(n).padStart(4, '0')}`;
export const demoCode = (n: number) => `RIP-DEMO-${String(n).padStart(4, '0')}`;

const PARTNER_TYPES = { mkb: 30, startup: 8, grootbedrijf: 10, kennisinstelling_wo: 12, kennisinstelling_hbo: 14, mbo_instelling: 6, to2_instituut: 8, stichting: 6, zorginstelling: 4 };

const AIMS: Record<string, string> = {
	onderzoek: 'de kennisbasis leggen',
	haalbaarheid: 'de haalbaarheid onderzoeken',
	ontwikkeling: 'een oplossing ontwikkelen en testen',
	demonstratie: 'de aanpak op praktijkschaal demonstreren',
	opschaling: 'een bewezen aanpak opschalen',
	uitrol: 'de aanpak breed uitrollen',
	'n.v.t.': 'een regionale aanpak organiseren'
};

function parties(random: Random, themeId: string): { initiator: string; initiatorType: string; partners: string[] } {
	const taken = new Set<string>();
	const initiatorType = pickInitiatorType(random, themeId);
	const initiator = organisationName(initiatorType, random, taken);
	const partners = Array.from({ length: random.int(1, 5) }, () => organisationName(random.weighted(PARTNER_TYPES), random, taken));
	return { initiator, initiatorType, partners };
}

/** 3–6 tags: the core term's own, the theme's, then its technologies and reach. */
function tags(random: Random, policy: Policy, provinces: string[]): string[] {
	const pool = [...policy.core.tags, THEME_TAGS[policy.themeId], ...policy.keyTechnologyIds.map((t) => TECH_TAGS[t] ?? ''), provinces.length > 1 ? 'bovenregionaal' : ''];
	return [...new Set(pool.filter(Boolean))].slice(0, random.int(3, 6));
}

function texts(random: Random, f: ProjectFields, policy: Policy): { title: string; summary: string; description: string[] } {
	const region = regionName(f.provinces, f.corop);
	const subject = `${policy.core.term} ${policy.application}`;
	const problem = random.pick(VOCAB[policy.themeId].problems).replace('{regio}', region);
	const partnerPhrase = f.partners.length === 1 ? 'één partner' : `${f.partners.length} partners`;
	const plan = `Met het project ${lowerFirst(subject)} wil ${f.initiator} samen met ${partnerPhrase} ${AIMS[f.phase]}.`;
	const summary = `${problem} ${plan} ${OUTCOMES[f.phase]}`;
	const focus = [
		f.missionIds.length ? `de ${f.missionIds.length > 1 ? 'missies' : 'missie'} ${joinNl(f.missionIds.map((m) => lowerFirst(missionName(m))))}` : '',
		f.keyTechnologyIds.length ? `${f.keyTechnologyIds.length > 1 ? 'de sleuteltechnologieën' : 'de sleuteltechnologie'} ${joinNl(f.keyTechnologyIds.map((t) => lowerFirst(technologyName(t))))}` : ''
	].filter(Boolean);
	const description = [
		summary,
		`Initiatiefnemer is ${f.initiator}. ${f.partners.length > 1 ? 'Partners zijn' : 'Partner is'} ${joinNl(f.partners)}.${focus.length ? ` Het project draagt bij aan ${joinNl(focus)}.` : ''}`,
		`De begroting bedraagt ${euro(f.totalBudget ?? 0)}, waarvan ${euro(f.requestedAmount ?? 0)} wordt gevraagd via ${joinNl(f.instrumentIds.map(instrumentName))}; ${euro(f.cofinancing ?? 0)} komt uit cofinanciering van de partners.`
	];
	if (random.chance(0.6)) description.push(`De beoogde looptijd is ${f.periodStart} tot en met ${f.periodEnd}. Het project is fictief en dient alleen als demonstratie.`);
	// An application that already names a place ('in de glastuinbouw') takes the region after a comma.
	const where = /^(in|langs|op|rond|tussen|bij) /.test(policy.application) ? `, ${region}` : ` in ${region}`;
	return { title: `${subject}${where} (fictief)`, summary, description };
}

function owner(options: BuildOptions): string {
	if (options.concept) return provinceOrganisationId('NL-NB');
	const rom = ROM_OF.get(options.firstProvince);
	return options.romOwned && rom ? rom : provinceOrganisationId(options.firstProvince);
}

export function buildProject(options: BuildOptions): BuiltProject {
	const random = createRandom(`tafel-demo-${options.number}`);
	const status = pickStatus(random);
	const region = pickRegion(random, options.firstProvince);
	const policy = pickPolicy(random);
	const who = parties(random, policy.themeId);
	const budget = pickBudget(random);
	const instrumentIds = pickInstruments(random, { themeId: policy.themeId, initiatorType: who.initiatorType, totalBudget: budget.totalBudget, status });
	const timeline = demoTimeline(status, random);
	const fields: ProjectFields = {
		title: '', summary: '', ...who, ...region, themeId: policy.themeId, missionIds: policy.missionIds, kiaIds: policy.kiaIds,
		keyTechnologyIds: policy.keyTechnologyIds, instrumentIds, ...budget, ...pickPhase(random, policy.themeId), status,
		periodStart: timeline.periodStart, periodEnd: timeline.periodEnd, ...contactPerson(random), tags: tags(random, policy, region.provinces)
	};
	const { title, summary, description } = texts(random, fields, policy);
	const project: DemoProject = {
		id: demoId(options.number), code: demoCode(options.number), ownerOrganisationId: owner(options), visibility: options.concept ? 'concept' : 'platform',
		fields: { ...fields, title, summary }, description, statusHistory: timeline.statusHistory, createdAt: timeline.createdAt, updatedAt: timeline.updatedAt
	};
	return { project, policy };
}
