/**
 * One project as a Markdown document (fields, description, links, timeline) for
 * notes, e-mail and conversion to PDF. Only for projects the actor may read.
 */
import type { Actor } from '../../domain/permissions.ts';
import { getProject, projectTimeline } from '../services/projects.ts';
import { listLinks } from '../services/links.ts';
import { listThreads } from '../services/comments.ts';
import { plainText } from '../../domain/comment-body.ts';
import { documentName } from '../../collab/documents.ts';
import { dutch } from './inventory.ts';
import { escapeMarkdown, fieldRows } from '../../collab/markdown.ts';
import { dateTimeFormat } from '../../i18n/time.ts';
import { tafelEventParts } from '../../domain/tafel-events.ts';

const escape = escapeMarkdown;
const dateTime = dateTimeFormat('nl', { dateStyle: 'medium', timeStyle: 'short' });

export interface TimelineEvent {
	kind: string;
	fromValue: string | null;
	toValue: string | null;
	note: string | null;
	userName: string;
	at: Date;
}

export function describe(e: TimelineEvent): string {
	const status = (v: string | null) => dutch(`status_${v ?? ''}`);
	switch (e.kind) {
		case 'status': return dutch('timeline_status', { from: status(e.fromValue), to: status(e.toValue) });
		case 'created': return dutch('timeline_created', { status: status(e.toValue) });
		case 'archive': return dutch('timeline_archived');
		case 'restore': return dutch('timeline_restored');
		case 'share': return dutch('timeline_shared');
		case 'link-added': {
			const [type, code] = (e.toValue ?? ':').split(':');
			return dutch('timeline_link_added', { type: dutch(`link_${type}`), code });
		}
		case 'link-removed': return dutch('timeline_link_removed', { type: dutch(`link_${e.toValue ?? ''}`) });
		case 'version-restored': return dutch('timeline_version_restored', { name: e.note ?? '' });
		case 'tafel-decision': return `${dutch('timeline_tafel_decision')}, ${dutch('timeline_tafel_at', { tafel: tafelEventParts(e).tafelTitle })}`;
		case 'tafel-action': return `${dutch('timeline_tafel_action', { organisation: tafelEventParts(e).organisation })}, ${dutch('timeline_tafel_at', { tafel: tafelEventParts(e).tafelTitle })}`;
		case 'tafel-action-done': return dutch('timeline_tafel_action_done', { organisation: tafelEventParts(e).organisation });
		case 'tafel-action-reopened': return dutch('timeline_tafel_action_reopened', { organisation: tafelEventParts(e).organisation });
		default: return e.kind;
	}
}

/** null = not found or not visible to this actor (the route answers 404 either way). */
export async function projectMarkdown(actor: Actor, id: string): Promise<{ code: string; markdown: string } | null> {
	const project = await getProject(actor, id);
	if (!project) return null;
	const [links, timeline, threads] = await Promise.all([listLinks(actor, id), projectTimeline(actor, id), listThreads(actor, documentName.project(id))]);
	const badges = [project.demo ? dutch('demo_label') : '', project.visibility === 'concept' ? dutch('concept_label') : '', project.archivedAt ? dutch('project_archived') : ''].filter(Boolean);
	const out = [
		`# ${escape(project.code)} · ${escape(project.title)}`,
		'',
		`${escape(dutch('project_owner', { organisation: project.ownerName }))}${badges.length ? ` · ${badges.join(' · ')}` : ''}`,
		'',
		`| ${dutch('inventory_md_field')} | ${dutch('inventory_md_value')} |`,
		'| --- | --- |',
		...fieldRows(project),
		'',
		`## ${dutch('field_description')}`,
		'',
		...(project.descriptionText.trim() ? project.descriptionText.split('\n').flatMap((p) => [escape(p), '']) : [`_${dutch('inventory_md_empty')}_`, '']),
		`## ${dutch('links_title')}`,
		'',
		...(links?.length ? links.map((l) => `- ${dutch(`link_${l.type}`)}: ${escape(l.other.code)} · ${escape(l.other.title)}${l.note ? ` — ${escape(l.note)}` : ''}`) : [`_${dutch('inventory_md_empty')}_`]),
		'',
		// Comments as this reader may see them: internal threads of other organisations are not in the list.
		`## ${dutch('comments_title')}`,
		'',
		...(threads?.threads.length
			? threads.threads.flatMap((t) => [
					`### ${t.quote ? `“${escape(t.quote)}”` : dutch('comment_whole_record')}${t.visibility === 'internal' ? ` · ${escape(dutch('comment_internal_badge', { organisation: t.organisationName }))}` : ''}${t.resolved ? ` · ${escape(dutch('comment_resolved_by', { name: t.resolvedByName ?? '' }))}` : ''}`,
					'',
					...t.comments.map((c) => `- **${escape(c.authorName)}** (${escape(c.authorOrganisation)}), ${dateTime.format(new Date(c.createdAt))}: ${c.deleted ? `_${dutch('comment_deleted')}_` : escape(plainText(c.body)).replace(/\n+/g, ' ')}`),
					''
				])
			: [`_${dutch('inventory_md_empty')}_`, '']),
		`## ${dutch('timeline_title')}`,
		'',
		...(timeline ?? []).map((e) => `- ${dateTime.format(e.at)} — ${escape(describe(e))}${e.note ? ` (${escape(e.note)})` : ''}${e.userName ? ` · ${escape(e.userName)}` : ''}`),
		'',
		`_${dutch('inventory_md_generated', { date: dateTime.format(new Date()) })}_`,
		''
	];
	return { code: project.code, markdown: out.join('\n') };
}
