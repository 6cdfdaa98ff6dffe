/** What pages and the API get to see of threads, comments and notifications. */

export type Visibility = 'platform' | 'internal';
export interface Anchor {
	from: string;
	to: string;
}

export interface CommentView {
	id: string;
	authorId: string;
	authorName: string;
	authorOrganisation: string;
	body: string;
	createdAt: string;
	editedAt: string | null;
	deleted: boolean;
	canEdit: boolean;
	canDelete: boolean;
}

export interface ThreadView {
	id: string;
	documentName: string;
	anchor: Anchor | null;
	quote: string;
	visibility: Visibility;
	organisationId: string;
	organisationName: string;
	resolved: boolean;
	resolvedByName: string | null;
	resolvedAt: string | null;
	createdAt: string;
	comments: CommentView[];
	canReply: boolean;
	canResolve: boolean;
}

export type CommentNotificationKind = 'mention' | 'reply' | 'project-comment';
/** Comment notifications, and those of brede tafels: an invitation, an action for one's organisation. */
export type NotificationKind = CommentNotificationKind | 'tafel-invitation' | 'tafel-action';

export interface NotificationView {
	id: string;
	kind: NotificationKind;
	actorName: string;
	actorOrganisation: string;
	excerpt: string;
	/** What a tafel notification is about: the tafel's title (invitation) or the owning organisation (action). */
	subject: string;
	where: string;
	href: string;
	createdAt: string;
	read: boolean;
}
