import { error } from '@sveltejs/kit';
import type { RequestHandler } from './$types';
import { requireUpload } from '$lib/server/http/import-route';
import { confirmImport } from '$lib/server/import/projects';

/**
 * The confirm with progress: the same confirmImport as the form action, answered as
 * newline-delimited JSON ({progress} lines, then {done} or {error}). Progress travels in
 * this response rather than through a polling endpoint because on PGlite every other
 * request (its session lookup too) waits for the import's transaction to finish.
 */
export const POST: RequestHandler = async ({ locals, url, params, request }) => {
	const { user, upload } = await requireUpload(locals, url, params.id);
	const form = await request.formData().catch(() => error(400, 'Ongeldig verzoek'));
	const visibility = form.get('zichtbaarheid') === 'platform' ? 'platform' : 'concept';
	const fingerprint = String(form.get('vingerafdruk') ?? '');
	const encoder = new TextEncoder();
	const body = new ReadableStream<Uint8Array>({
		start(controller) {
			// A closed tab must not abort the transaction half-way: it finishes (or not) regardless.
			const send = (message: Record<string, unknown>) => {
				try {
					controller.enqueue(encoder.encode(`${JSON.stringify(message)}\n`));
				} catch {
					// the browser went away; the summary page shows the outcome later
				}
			};
			// Not awaited in start(): chunks must flow while the import runs.
			void confirmImport(user, upload, { visibility, fingerprint, onProgress: (done, total) => send({ progress: done, total }) }).then((result) => {
				send(result.ok ? { done: result.imported, location: `/projecten/import/${upload.id}/klaar` } : { error: result.reason });
				try {
					controller.close();
				} catch {
					// already cancelled by the browser
				}
			});
		}
	});
	return new Response(body, { headers: { 'content-type': 'application/x-ndjson; charset=utf-8', 'cache-control': 'no-store', 'x-accel-buffering': 'no' } });
};
