/**
 * The ten hand-written fictitious examples (example_projects.json) mapped onto our
 * project fields; they open every demo inventory so the showcase projects are stable.
 */
import examplesRef from '../../reference/example_projects.json' with { type: 'json' };
import { LOOKUP, type LinkType, type ProjectStatus } from '../../domain/reference.ts';
import type { ProjectFields } from '../../domain/project.ts';
import type { DemoLink, DemoProject } from './demo-types.ts';
import { provinceOrganisationId } from './organisations.ts';
import { euro, instrumentName, joinNl } from './demo-text.ts';

type Example = (typeof examplesRef.projecten)[number];

/** Spec relations onto our link types; the spec knows six, the app five. */
const RELATION: Record<string, LinkType> = {
	complementair: 'complementair',
	keten: 'keten',
	overlap: 'overlap',
	zelfde_consortium: 'overlap',
	opvolger: 'afhankelijk',
	kennisdeling: 'complementair'
};

const exampleId = (code: string) => code.toLowerCase();
const unique = (list: string[]) => [...new Set(list)];

function exampleFields(e: Example): ProjectFields {
	return {
		title: e.titel,
		summary: e.samenvatting,
		initiator: e.initiatiefnemer.naam,
		initiatorType: e.initiatiefnemer.type,
		partners: e.partners.map((p) => p.naam),
		provinces: e.regio.provincies,
		corop: e.regio.corop,
		themeId: e.beleid.thema_id,
		// Placeholder or unknown missions are not offered in the app, so they are dropped here too.
		missionIds: e.beleid.missie_ids.filter((m) => LOOKUP.missions.has(m)),
		kiaIds: e.beleid.kia_ids,
		keyTechnologyIds: e.beleid.sleuteltechnologie_ids,
		instrumentIds: unique(e.instrumenten.map((i) => i.instrument_id)),
		totalBudget: e.financiering.totaal_eur,
		requestedAmount: e.financiering.gevraagd_eur,
		cofinancing: e.financiering.cofinanciering.reduce((sum, c) => sum + c.bedrag_eur, 0),
		phase: e.innovatiefase,
		trlCurrent: e.trl.huidig,
		trlTarget: e.trl.doel,
		status: e.status as ProjectStatus,
		periodStart: e.looptijd.start,
		periodEnd: e.looptijd.eind,
		contactName: e.contact.naam,
		contactRole: e.contact.rol,
		contactEmail: e.contact.email,
		tags: e.tags
	};
}

function exampleDescription(e: Example, f: ProjectFields): string[] {
	const partners = e.partners.map((p) => ('rol' in p && p.rol ? `${p.naam} (${p.rol})` : p.naam));
	const paragraphs = [
		e.samenvatting,
		`Initiatiefnemer is ${e.initiatiefnemer.naam}. ${partners.length > 1 ? 'Partners zijn' : 'Partner is'} ${joinNl(partners)}.`,
		`De begroting bedraagt ${euro(f.totalBudget ?? 0)}, waarvan ${euro(f.requestedAmount ?? 0)} wordt gevraagd via ${joinNl(f.instrumentIds.map(instrumentName))}; ${euro(f.cofinancing ?? 0)} komt uit cofinanciering.`
	];
	const table = e.brede_tafels.find((t) => 'koppelkansen' in t && t.koppelkansen);
	if (table && 'koppelkansen' in table) paragraphs.push(`Aan de brede tafel van ${table.datum} kwamen koppelkansen naar voren: ${table.koppelkansen}.`);
	return paragraphs;
}

export function exampleProjects(): DemoProject[] {
	return examplesRef.projecten.map((e) => {
		const fields = exampleFields(e);
		return {
			id: exampleId(e.id),
			code: e.id,
			ownerOrganisationId: provinceOrganisationId(e.regio.provincies[0]),
			visibility: 'platform',
			fields,
			description: exampleDescription(e, fields),
			statusHistory: e.status_historie.map((h) => ({ status: h.status, date: h.datum })),
			createdAt: e.aangemaakt,
			updatedAt: e.gewijzigd
		};
	});
}

/** The examples list each relation on both sides; the app stores a link once. */
export function exampleLinks(): DemoLink[] {
	const seen = new Set<string>();
	const links: DemoLink[] = [];
	for (const e of examplesRef.projecten) {
		for (const r of e.gerelateerde_projecten) {
			const [from, to] = [exampleId(e.id), exampleId(r.project_id)];
			const key = [from, to].sort().join('|');
			if (from === to || seen.has(key) || !RELATION[r.relatie]) continue;
			seen.add(key);
			links.push({ from, to, type: RELATION[r.relatie], note: r.toelichting ?? '' });
		}
	}
	return links;
}
