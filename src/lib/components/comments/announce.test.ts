import { describe, expect, it } from 'vitest';
import type { CommentView, ThreadView } from '$lib/domain/threads';
import { arrivedComments, excerptOf } from './announce';

const comment = (id: string, authorId: string, extra: Partial<CommentView> = {}): CommentView => ({
	id, authorId, authorName: `Naam ${authorId}`, authorOrganisation: 'Org', body: `tekst ${id}`, createdAt: `2026-01-01T10:00:0${id.length}Z`,
	editedAt: null, deleted: false, canEdit: false, canDelete: false, ...extra
});
const thread = (id: string, comments: CommentView[]): ThreadView => ({
	id, documentName: 'd', anchor: null, quote: '', visibility: 'platform', organisationId: 'o', organisationName: 'O', resolved: false,
	resolvedByName: null, resolvedAt: null, createdAt: '2026-01-01T10:00:00Z', comments, canReply: true, canResolve: false
});

describe('arrivedComments', () => {
	it('finds new comments of others in new and existing threads, not own or deleted ones', () => {
		const before = [thread('t1', [comment('c1', 'u2')])];
		const after = [
			thread('t1', [comment('c1', 'u2'), comment('c22', 'u3'), comment('c333', 'me')]),
			thread('t2', [comment('c4444', 'u2', { deleted: true })]),
			thread('t3', [comment('c5', 'u4')])
		];
		expect(arrivedComments(before, after, 'me').map((c) => c.id)).toEqual(['c5', 'c22']);
	});
	it('announces nothing when nothing is new', () => {
		const list = [thread('t1', [comment('c1', 'u2')])];
		expect(arrivedComments(list, list, 'me')).toEqual([]);
	});
});

describe('excerptOf', () => {
	it('shows mentions as names and keeps short texts whole', () => {
		expect(excerptOf('Goed punt @[Dewi Jansen](user:u-1),\n  dank')).toBe('Goed punt @Dewi Jansen, dank');
	});
	it('cuts a long text at a word', () => {
		const long = 'woord '.repeat(40);
		const out = excerptOf(long);
		expect(out.endsWith('woord…')).toBe(true);
		expect([...out].length).toBeLessThanOrEqual(81);
	});
});
