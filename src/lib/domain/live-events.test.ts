import { expect, test } from 'vitest';
import { parseLiveEvent, type LiveEvent } from './live-events.ts';

test('the events the server sends reach listeners as sent', () => {
	const sent: LiveEvent[] = [
		{ type: 'project-changed', projectId: 'p-1' },
		{ type: 'thread-changed', threadId: 't-1', documentName: 'project:p-1', projectId: 'p-1' },
		{ type: 'notification' }
	];
	for (const event of sent) expect(parseLiveEvent(JSON.stringify(event))).toEqual(event);
});

test('a message that is not a known event is dropped, not thrown', () => {
	for (const data of ['', 'not json', 'null', '42', '{}', '{"type":"session-revoked","userId":"u"}', '{"type":7}']) expect(parseLiveEvent(data)).toBeNull();
});
