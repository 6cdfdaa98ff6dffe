import type { LayoutServerLoad } from './$types';

export const load: LayoutServerLoad = ({ locals }) => {
	const user = locals.user;
	return {
		locale: locals.locale,
		user: user && {
			id: user.userId,
			name: user.name,
			role: user.role,
			organisationId: user.organisationId,
			organisationName: user.organisationName,
			organisationAbbreviation: user.organisationAbbreviation
		}
	};
};
