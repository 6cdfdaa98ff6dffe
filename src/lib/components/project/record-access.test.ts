import { describe, expect, test } from 'vitest';
import { recordRights } from './record-access';

const member = { canEdit: true, canComment: true, archived: false };
const participant = { canEdit: false, canComment: true, archived: false };
const observer = { canEdit: false, canComment: false, archived: false };

describe('recordRights', () => {
	test.each([
		['member before the socket answers', member, null, null, { editable: true, canComment: true }],
		['participant before the socket answers', participant, null, null, { editable: false, canComment: true }],
		['observer on join', observer, 'read-only', 'read-only', { editable: false, canComment: false }],
		['participant told "comment"', participant, 'comment', 'comment', { editable: false, canComment: true }],
		['participant told "read-only" on join by a server without "comment"', participant, 'read-only', 'read-only', { editable: false, canComment: true }],
		['participant made member while open', participant, 'read-write', 'read-only', { editable: true, canComment: true }],
		['participant made observer while open', participant, 'read-only', 'comment', { editable: false, canComment: false }],
		['member made observer while open', member, 'read-only', 'read-write', { editable: false, canComment: false }],
		['observer made participant while open', observer, 'comment', 'read-only', { editable: false, canComment: true }],
		['archived project, member', { ...member, archived: true }, 'read-write', 'read-write', { editable: false, canComment: true }]
	] as const)('%s', (_name, page, access, joined, expected) => {
		expect(recordRights(page, access, joined)).toEqual(expected);
	});
});
