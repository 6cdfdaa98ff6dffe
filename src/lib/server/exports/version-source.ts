/** A project version as the exports read it: the project as it is, the version's fields and document. */
import * as Y from 'yjs';
import { documentName } from '../../collab/documents.ts';
import { readFields } from '../../collab/project-doc.ts';
import type { Actor } from '../../domain/permissions.ts';
import { emptyFields, type ProjectFields } from '../../domain/project.ts';
import { dateTimeFormat } from '../../i18n/time.ts';
import { getProject } from '../services/projects.ts';
import { documentVersion } from '../services/versions.ts';

const dateTime = dateTimeFormat('nl', { dateStyle: 'long', timeStyle: 'short' });

export async function projectVersionForExport(actor: Actor, id: string, versionId: string) {
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
