import type { ProjectFields } from '../../domain/project.ts';
import type { LinkType } from '../../domain/reference.ts';

/** One fictitious project as the seed inserts it. */
export interface DemoProject {
	/** Lowercase database id, e.g. 'rip-demo-0001'. */
	id: string;
	/** Human code shown in the app, e.g. 'RIP-DEMO-0001'. */
	code: string;
	/** The province organisation of its first province (prov-xx); a few are owned by a ROM. */
	ownerOrganisationId: string;
	visibility: 'concept' | 'platform';
	fields: ProjectFields;
	/** 2–4 Dutch paragraphs for the rich-text description. */
	description: string[];
	/** Ascending in date, following the pipeline, ending with the current status. */
	statusHistory: { status: string; date: string }[];
	createdAt: string;
	updatedAt: string;
}

export interface DemoLink {
	from: string;
	to: string;
	type: LinkType;
	note: string;
}
