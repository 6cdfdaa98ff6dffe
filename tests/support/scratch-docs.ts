/**
 * Documents a collaboration test may write into freely. Only documents whose record
 * exists are served (a made-up `werkagenda:<x>` is refused), so tests borrow demo
 * project records every member may edit — platform projects, counted from the end of
 * the demo list so they never meet the projects other tests read field by field.
 *
 * The benchmark borrows them too, from a larger inventory it seeds itself (`total`:
 * the first `total` projects of the demo generator; the demo's own 150 by default).
 */
import { documentName } from '../../src/lib/collab/documents.ts';
import { demoProjects, type DemoProject } from '../../src/lib/server/seed/demo-projects.ts';

/** The generator is deterministic and prefix-stable: the first 150 of 1,150 are the demo's 150. */
export const DEMO_TOTAL = 150;

const platformByTotal = new Map<number, DemoProject[]>();

function platform(total: number): DemoProject[] {
	let list = platformByTotal.get(total);
	if (!list) platformByTotal.set(total, (list = demoProjects(total).projects.filter((p) => p.visibility === 'platform').reverse()));
	return list;
}

/** The n-th scratch record (0-based) of an inventory of `total` demo projects; distinct n give distinct records. */
export function scratchProject(n: number, total = DEMO_TOTAL): DemoProject {
	const list = platform(total);
	if (n < 0 || n >= list.length) throw new Error(`no scratch document ${n} among ${total} projects`);
	return list[n];
}

/** The document of the n-th scratch record (0-based); distinct n give distinct documents. */
export function scratchDoc(n: number, total = DEMO_TOTAL): string {
	return documentName.project(scratchProject(n, total).id);
}

/** A scratch record owned by `organisationId` (a member of it may restore versions), searched from the n-th on. */
export function scratchProjectOwnedBy(organisationId: string, from = 20, total = DEMO_TOTAL): DemoProject {
	const list = platform(total);
	for (let n = from; n < list.length; n++) if (list[n].ownerOrganisationId === organisationId) return list[n];
	throw new Error(`no scratch project of ${organisationId} from ${from}`);
}
