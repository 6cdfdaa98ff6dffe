/**
 * Documents a collaboration test may write into freely. Only documents whose record
 * exists are served (a made-up `werkagenda:<x>` is refused), so tests borrow demo
 * project records every member may edit — platform projects, counted from the end of
 * the demo list so they never meet the projects other tests read field by field.
 */
import { documentName } from '../../src/lib/collab/documents.ts';
import { demoProjects } from '../../src/lib/server/seed/demo-projects.ts';

const platform = demoProjects().projects.filter((p) => p.visibility === 'platform').reverse();

/** The document of the n-th scratch record (0-based); distinct n give distinct documents. */
export function scratchDoc(n: number): string {
	if (n < 0 || n >= platform.length) throw new Error(`no scratch document ${n}`);
	return documentName.project(platform[n].id);
}
