/**
 * A project version as a file (Markdown or PDF): its fields and description as they
 * were, the project's identity (code, owner) as it is. null = not found or not visible
 * to this actor (the route answers 404 either way).
 */
import * as Y from 'yjs';
import { documentName } from '../../collab/documents.ts';
import { readFields } from '../../collab/project-doc.ts';
import type { Actor } from '../../domain/permissions.ts';
import { emptyFields, type ProjectFields } from '../../domain/project.ts';
import { dateTimeFormat } from '../../i18n/time.ts';
import { getProject } from '../services/projects.ts';
import { documentVersion } from '../services/versions.ts';
import { versionMarkdown } from '../../collab/version-markdown.ts';
import { descriptionBlocks } from './description.ts';
import { dutch } from './inventory.ts';
import { DESCRIPTION_LIMIT, renderProjectPdf } from './pdf.ts';

const dateTime = dateTimeFormat('nl', { dateStyle: 'long', timeStyle: 'short' });
/** As the project's own Markdown export says when it was made. */
const generatedAt = dateTimeFormat('nl', { dateStyle: 'medium', timeStyle: 'short' });

async function projectVersionForExport(actor: Actor, id: string, versionId: string) {
	const project = await getProject(actor, id);
	if (!project) return null;
	const found = await documentVersion(actor, documentName.project(id), versionId);
	if (!found) return null;
	const doc = new Y.Doc();
	Y.applyUpdate(doc, found.version.state);
	// What was valid then; a value that broke a rule was not part of the record then either.
	const fields: ProjectFields = { ...emptyFields(), ...readFields(doc).valid };
	const when = dateTime.format(found.version.createdAt);
	return { project, fields, doc, state: found.version.state, label: found.version.name ? `${found.version.name} (${when})` : when };
}

/** A version of a project as Markdown: fields and description (headings and lists kept) as they were in that version. */
export async function projectVersionMarkdown(actor: Actor, id: string, versionId: string): Promise<{ code: string; markdown: string } | null> {
	const found = await projectVersionForExport(actor, id, versionId);
	if (!found) return null;
	const { project, fields, doc, state, label } = found;
	doc.destroy();
	const markdown = versionMarkdown('project', state, {
		title: `${project.code} · ${fields.title || project.title}`,
		about: [dutch('project_owner', { organisation: project.ownerName }), dutch('version_export_label', { version: label }), dutch('inventory_md_generated', { date: generatedAt.format(new Date()) })]
	});
	return { code: project.code, markdown };
}

/** A version of a project as a PDF, with the version named in its header. */
export async function projectVersionPdf(actor: Actor, id: string, versionId: string): Promise<{ code: string; pdf: Buffer } | null> {
	const found = await projectVersionForExport(actor, id, versionId);
	if (!found) return null;
	const { project, fields, doc, label } = found;
	try {
		const pdf = await renderProjectPdf({ project: { ...project, ...fields, status: fields.status || project.status }, description: descriptionBlocks(doc, DESCRIPTION_LIMIT), links: [], timeline: [], generatedAt: new Date(), version: label });
		return { code: project.code, pdf };
	} finally {
		doc.destroy();
	}
}
