import type { LayoutServerLoad } from './$types';
import { unreadCount } from '$lib/server/services/notifications';
import { can } from '$lib/domain/permissions';

export const load: LayoutServerLoad = async ({ locals, depends }) => {
	depends('app:notifications');
	const user = locals.user;
	return {
		locale: locals.locale,
		// Relative times ("3 min geleden") render from this instant on the server and again while hydrating.
		renderedAt: Date.now(),
		user: user && {
			id: user.userId,
			name: user.name,
			role: user.role,
			organisationId: user.organisationId,
			organisationName: user.organisationName,
			organisationAbbreviation: user.organisationAbbreviation,
			// The navigation offers the management pages the policy would open for this user.
			may: { manageUsers: can(user, 'manage', { kind: 'users' }), manageOrganisations: can(user, 'manage', { kind: 'organisations' }) }
		},
		// The header badge; kept live in the browser by the event stream.
		unread: user ? await unreadCount(user.userId) : 0
	};
};
