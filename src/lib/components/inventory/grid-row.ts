/** What one grid row needs in the browser: a lean subset of the list row. */
export interface GridRow {
	id: string;
	code: string;
	title: string;
	demo: boolean;
	concept: boolean;
	archived: boolean;
	ownerName: string;
	ownerAbbreviation: string;
	provinces: string[];
	themeId: string;
	status: string;
	totalBudget: number | null;
	requestedAmount: number | null;
	updatedAt: string;
	/** Unresolved comment threads this user can see. */
	openComments?: number;
	/** Fields whose value in the shared record breaks a rule (the row shows their last valid value). */
	problems: number;
}

interface ListRow {
	id: string;
	code: string;
	title: string;
	demo: boolean;
	visibility: 'concept' | 'platform';
	archivedAt: Date | null;
	ownerName: string;
	ownerAbbreviation: string;
	provinces: string[];
	themeId: string;
	status: string;
	totalBudget: number | null;
	requestedAmount: number | null;
	updatedAt: Date;
	fieldProblems: Record<string, string>;
}

export function gridRow(row: ListRow): GridRow {
	return {
		id: row.id, code: row.code, title: row.title, demo: row.demo, concept: row.visibility === 'concept', archived: row.archivedAt !== null,
		ownerName: row.ownerName, ownerAbbreviation: row.ownerAbbreviation, provinces: row.provinces, themeId: row.themeId, status: row.status,
		totalBudget: row.totalBudget, requestedAmount: row.requestedAmount, updatedAt: row.updatedAt.toISOString(),
		problems: Object.keys(row.fieldProblems ?? {}).length
	};
}
