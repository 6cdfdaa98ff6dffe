/**
 * Demo brede tafels, so a new user sees the whole cycle: two past tafels of the series
 * "Brede tafel Oost" with notes, attendance, decisions and actions (some open, some done),
 * closed with milestone versions and finalised minutes, and an upcoming one whose agenda
 * is bound to demo projects (the open actions of the last one are offered as candidates).
 * Only on an empty tafels table, in a few statements.
 */
import { and, count, eq, inArray } from 'drizzle-orm';
import * as Y from 'yjs';
import { db } from '../db/client.ts';
import { projectEvents, projects, tafelActionProjects, tafelActions, tafelAgendaItems, tafelAgendaProjects, tafelAttendance, tafelDecisionProjects, tafelDecisions, tafelInvitations, tafelMinutes, tafels, users } from '../db/schema.ts';
import { documentName, bodyOf } from '../../collab/documents.ts';
import { storeInitialStates } from '../documents/store.ts';
import { takeVersion } from '../documents/versions.ts';
import { generateId } from '../auth/tokens.ts';
import { log } from '../log.ts';
import { milestoneLabel } from '../services/tafels-minutes.ts';

const SERIES = 'Brede tafel Oost';
const INVITED = ['min-ez', 'oost-nl', 'prov-ge', 'prov-ov'];
/** Platform demo projects of the east on energy (stable ids of the deterministic generator). */
const PROJECTS = ['rip-demo-0009', 'rip-demo-0015', 'rip-demo-0026', 'rip-demo-0028'];
const DAY = 86_400_000;

interface DemoAction {
	text: string;
	owner: string;
	due: string | null;
	done: boolean;
	projects: string[];
}
interface DemoItem {
	title: string;
	minutes: number;
	note: string;
	projects: string[];
	decisions?: { text: string; projects: string[] }[];
	actions?: DemoAction[];
}
interface DemoTafel {
	title: string;
	offsetDays: number;
	notes: string[];
	items: DemoItem[];
}

const day = (at: Date) => at.toISOString().slice(0, 10);

function tafelsToSeed(now: Date): DemoTafel[] {
	const due = (days: number) => day(new Date(now.getTime() + days * DAY));
	return [
		{
			title: 'Oost: warmte en waterstof',
			offsetDays: -70,
			notes: ['Opening door de facilitator; iedereen stelt zich voor.', 'Gelderland en Overijssel willen de warmteprojecten op elkaar laten aansluiten.', 'Oost NL onderzoekt een gezamenlijk financieringsvoorstel.'],
			items: [
				{
					title: 'Warmtenetten in de regio', minutes: 40, note: 'Stand van zaken en kansen om aan te sluiten.', projects: [PROJECTS[0], PROJECTS[1]],
					decisions: [{ text: 'De twee warmteprojecten stemmen hun planning af en delen één haalbaarheidsstudie.', projects: [PROJECTS[0], PROJECTS[1]] }],
					actions: [
						{ text: 'Gezamenlijke haalbaarheidsstudie laten offreren.', owner: 'prov-ov', due: due(-40), done: true, projects: [PROJECTS[1]] },
						{ text: 'Netbeheerder uitnodigen voor de volgende tafel.', owner: 'oost-nl', due: due(-20), done: true, projects: [] }
					]
				},
				{
					title: 'Waterstof in de industrie', minutes: 30, note: '', projects: [PROJECTS[2]],
					decisions: [{ text: 'Het waterstofproject wordt voorgedragen voor de regionale investeringsagenda.', projects: [PROJECTS[2]] }],
					actions: [{ text: 'Cofinanciering van de provincie verkennen.', owner: 'prov-ge', due: due(-30), done: false, projects: [PROJECTS[2]] }]
				}
			]
		},
		{
			title: 'Oost: opschalen',
			offsetDays: -14,
			notes: ['De haalbaarheidsstudie is gereed; de uitkomst is positief.', 'EZK vraagt om een overzicht van de benodigde netcapaciteit.'],
			items: [
				{
					title: 'Uitkomst haalbaarheidsstudie warmte', minutes: 30, note: '', projects: [PROJECTS[0], PROJECTS[1]],
					decisions: [{ text: 'De warmteprojecten gaan samen verder als één programma.', projects: [PROJECTS[0], PROJECTS[1]] }],
					actions: [{ text: 'Programmaplan opstellen voor beide warmteprojecten.', owner: 'prov-ov', due: due(20), done: false, projects: [PROJECTS[0], PROJECTS[1]] }]
				},
				{
					title: 'Netcapaciteit', minutes: 25, note: 'Knelpunten op het elektriciteitsnet.', projects: [PROJECTS[3]],
					decisions: [],
					actions: [{ text: 'Overzicht netcapaciteit aanleveren aan EZK.', owner: 'oost-nl', due: due(10), done: false, projects: [PROJECTS[3]] }]
				}
			]
		},
		{
			title: 'Oost: investeringsagenda',
			offsetDays: 21,
			notes: [],
			items: [
				{ title: 'Programmaplan warmte', minutes: 30, note: 'Bespreking van het concept-programmaplan.', projects: [PROJECTS[0], PROJECTS[1]] },
				{ title: 'Waterstof en netcapaciteit', minutes: 30, note: '', projects: [PROJECTS[2], PROJECTS[3]] },
				{ title: 'Rondvraag', minutes: 10, note: '', projects: [] }
			]
		}
	];
}

function notesDoc(lines: string[]): Y.Doc {
	const doc = new Y.Doc();
	const body = bodyOf(doc, 'tafel-notes');
	body.insert(0, lines.map((line) => {
		const p = new Y.XmlElement('paragraph');
		p.insert(0, [new Y.XmlText(line)]);
		return p;
	}));
	return doc;
}

export async function seedDemoTafels(now = new Date()): Promise<void> {
	const [{ n }] = await db().select({ n: count() }).from(tafels);
	if (n > 0) return;
	const present = await db().select({ id: projects.id }).from(projects).where(inArray(projects.id, PROJECTS));
	if (present.length !== PROJECTS.length) return;
	const [facilitator] = await db().select({ id: users.id, name: users.name, organisationId: users.organisationId }).from(users).where(eq(users.email, 'facilitator@demo.tafel'));
	if (!facilitator) return;
	const [guest] = await db().select({ id: users.id, organisationId: users.organisationId }).from(users).where(eq(users.email, 'deelnemer@demo.tafel'));
	const people = await db().select({ id: users.id, organisationId: users.organisationId }).from(users).where(and(inArray(users.organisationId, INVITED), eq(users.active, true)));

	for (const t of tafelsToSeed(now)) {
		const id = generateId();
		const startsAt = new Date(Math.floor((now.getTime() + t.offsetDays * DAY) / 3_600_000) * 3_600_000);
		const past = t.offsetDays < 0;
		const at = new Date(startsAt.getTime() + 2 * 3_600_000);
		await db().transaction(async (tx) => {
			await tx.insert(tafels).values({ id, title: t.title, startsAt, durationMinutes: 150, place: 'Arnhem, Provinciehuis Gelderland', description: 'Demo: een brede tafel van de provincies in het oosten, EZK en Oost NL.', themeId: 'energie-klimaat', series: SERIES, status: 'planned', createdBy: facilitator.id });
			await tx.insert(tafelInvitations).values(INVITED.map((organisationId) => ({ id: `ti-${generateId()}`, tafelId: id, organisationId, response: past ? ('present' as const) : null, respondedAt: past ? startsAt : null })));
			// The upcoming one also invites a participant in person (BOM), so a demo of the live tafel has all three roles at it.
			if (!past && guest) await tx.insert(tafelInvitations).values({ id: `ti-${generateId()}`, tafelId: id, organisationId: guest.organisationId, userId: guest.id });
			if (past && people.length) await tx.insert(tafelAttendance).values(people.map((p) => ({ tafelId: id, userId: p.id, organisationId: p.organisationId, present: true, recordedBy: facilitator.id, recordedAt: at })));
			for (const [i, item] of t.items.entries()) {
				const itemId = `ai-${generateId()}`;
				await tx.insert(tafelAgendaItems).values({ id: itemId, tafelId: id, position: i + 1, title: item.title, minutes: item.minutes, note: item.note, status: 'accepted', proposedBy: facilitator.id });
				if (item.projects.length) await tx.insert(tafelAgendaProjects).values(item.projects.map((projectId) => ({ agendaItemId: itemId, projectId })));
				for (const d of item.decisions ?? []) {
					const decisionId = `td-${generateId()}`;
					await tx.insert(tafelDecisions).values({ id: decisionId, tafelId: id, agendaItemId: itemId, text: d.text, createdBy: facilitator.id, createdAt: at });
					if (d.projects.length) await tx.insert(tafelDecisionProjects).values(d.projects.map((projectId) => ({ decisionId, projectId })));
					if (d.projects.length) await tx.insert(projectEvents).values(d.projects.map((projectId) => ({ projectId, kind: 'tafel-decision', fromValue: t.title, toValue: id, note: d.text, userId: facilitator.id, userName: facilitator.name, organisationId: facilitator.organisationId, at })));
				}
				for (const a of item.actions ?? []) {
					const actionId = `ta-${generateId()}`;
					await tx.insert(tafelActions).values({ id: actionId, tafelId: id, agendaItemId: itemId, text: a.text, ownerOrganisationId: a.owner, dueDate: a.due, status: a.done ? 'done' : 'open', doneBy: a.done ? facilitator.id : null, doneAt: a.done ? new Date(at.getTime() + 10 * DAY) : null, createdBy: facilitator.id, createdAt: at });
					if (a.projects.length) await tx.insert(tafelActionProjects).values(a.projects.map((projectId) => ({ actionId, projectId })));
				}
			}
			if (t.notes.length) await storeInitialStates(tx, [{ docName: documentName.tafelNotes(id), doc: notesDoc(t.notes) }]);
		});
		if (!past) continue;
		// Closed as the facilitator closes: milestone versions of the notes and the bound projects, then final minutes.
		const milestoneId = generateId();
		const by = { userId: facilitator.id, name: facilitator.name, organisationId: facilitator.organisationId };
		const docs = [documentName.tafelNotes(id), ...new Set(t.items.flatMap((item) => item.projects).map((p) => documentName.project(p)))];
		for (const docName of docs) await takeVersion(docName, { kind: 'milestone', name: milestoneLabel(t.title, startsAt), milestoneId, by }, at);
		await db().update(tafels).set({ status: 'closed', closedAt: at, closedBy: facilitator.id }).where(eq(tafels.id, id));
		await db().insert(tafelMinutes).values({ tafelId: id, status: 'final', milestoneId, finalisedBy: facilitator.id, finalisedAt: new Date(at.getTime() + 3 * DAY), createdAt: at });
	}
	log.info({ tafels: 3 }, 'demo tafels seeded');
}
