import { error, fail } from '@sveltejs/kit';
import type { Actions, PageServerLoad } from './$types';
import { can, canSeeReference } from '$lib/domain/permissions';
import { requireUser } from '$lib/server/http/guard';
import { asResource, changeLifecycle, getProject, projectProvenance, projectTimeline } from '$lib/server/services/projects';
import { addLink, listLinks, removeLink } from '$lib/server/services/links';
import { documentName } from '$lib/collab/documents';
import { listProjects } from '$lib/server/services/inventory';
import { DEFAULT_QUERY } from '$lib/domain/inventory-query';
import { httpStatus } from '$lib/domain/errors';
import { loadSinceNamed } from '$lib/server/http/version-pages';

export const load: PageServerLoad = async (event) => {
	const { locals, url, params, depends } = event;
	const user = requireUser(locals, url);
	depends('app:project');
	const project = await getProject(user, params.id);
	if (!project) error(404, 'Niet gevonden');
	const resource = asResource(project);
	const [timeline, provenance, links, related, sinceNamed] = await Promise.all([
		projectTimeline(user, project.id),
		projectProvenance(user, project.id),
		listLinks(user, project.id),
		// Link suggestions: projects in the same theme or provinces, most recently changed first.
		listProjects(user, { ...DEFAULT_QUERY, themes: project.themeId ? [project.themeId] : [], pageSize: 100 }),
		loadSinceNamed(event, documentName.project(project.id))
	]);
	return {
		project: { id: project.id, code: project.code, title: project.title, visibility: project.visibility, archived: project.archivedAt !== null, demo: project.demo, ownerName: project.ownerName, ownerOrganisationId: project.ownerOrganisationId, updatedAt: project.updatedAt },
		docName: documentName.project(project.id),
		canEdit: can(user, 'edit', resource),
		canManage: can(user, 'manage', resource),
		canLink: can(user, 'comment', resource),
		canComment: can(user, 'comment', resource),
		timeline: timeline ?? [],
		sinceNamed,
		restored: url.searchParams.has('hersteld'),
		provenance: provenance ?? [],
		links: links ?? [],
		// A suggestion names another project: only ones this reader may see (the policy, not just the query).
		suggestions: related.rows.filter((r) => r.id !== project.id && canSeeReference(user, asResource(r))).map((r) => ({ code: r.code, title: r.title }))
	};
};

const text = (form: FormData, name: string) => String(form.get(name) ?? '');

export const actions: Actions = {
	lifecycle: async ({ locals, url, params, request }) => {
		const action = text(await request.formData(), 'action');
		if (action !== 'archive' && action !== 'restore' && action !== 'share') return fail(400, { lifecycleError: 'no-change' });
		const result = await changeLifecycle(requireUser(locals, url), params.id, action);
		if (!result.ok) return fail(httpStatus(result.reason), { lifecycleError: result.reason });
		return { lifecycleDone: action };
	},
	addLink: async ({ locals, url, params, request }) => {
		const form = await request.formData();
		const target = text(form, 'target').trim();
		const result = await addLink(requireUser(locals, url), params.id, target, text(form, 'type'), text(form, 'note'));
		if (!result.ok) return fail(httpStatus(result.reason), { linkError: result.reason, values: { target, type: text(form, 'type'), note: text(form, 'note') } });
		return { linkAdded: true };
	},
	removeLink: async ({ locals, url, request }) => {
		const result = await removeLink(requireUser(locals, url), text(await request.formData(), 'linkId'));
		if (!result.ok) return fail(httpStatus(result.reason), { linkError: result.reason });
		return { linkRemoved: true };
	}
};
