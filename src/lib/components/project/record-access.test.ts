import { describe, expect, test } from 'vitest';
import { recordRights } from './record-access';

const member = { canEdit: true, canComment: true, archived: false };
const participant = { canEdit: false, canComment: true, archived: false };
const observer = { canEdit: false, canComment: false, archived: false };

describe('recordRights', () => {
	test.each([
		['member before the socket answers', member, null, { editable: true, canComment: true }],
		['participant before the socket answers', participant, null, { editable: false, canComment: true }],
		['observer on join', observer, 'read-only', { editable: false, canComment: false }],
		['participant told "comment"', participant, 'comment', { editable: false, canComment: true }],
		['participant made member while open', participant, 'read-write', { editable: true, canComment: true }],
		['participant made observer while open', participant, 'read-only', { editable: false, canComment: false }],
		['member made observer while open', member, 'read-only', { editable: false, canComment: false }],
		['observer made participant while open', observer, 'comment', { editable: false, canComment: true }],
		['archived project, member', { ...member, archived: true }, 'read-write', { editable: false, canComment: true }]
	] as const)('%s', (_name, page, access, expected) => {
		expect(recordRights(page, access)).toEqual(expected);
	});
});
