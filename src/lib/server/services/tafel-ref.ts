/**
 * A tafel as the policy needs to know it (status, who is invited), for every service
 * that asks about one: the tafel pages, the notes document, threads and the inbox.
 */
import { eq } from 'drizzle-orm';
import type { Resource, TafelRef } from '../../domain/permissions.ts';
import { db, type Db } from '../db/client.ts';
import { tafelInvitations, tafelMinutes, tafels, type TafelRow } from '../db/schema.ts';

export interface LoadedTafel {
	row: TafelRow;
	ref: TafelRef;
}

/** The tafel and what the policy needs of it; null when there is no such tafel. */
export async function loadTafel(id: string, tx: Pick<Db, 'select'> = db()): Promise<LoadedTafel | null> {
	if (typeof id !== 'string' || id.length > 64) return null;
	const [row] = await tx.select().from(tafels).where(eq(tafels.id, id));
	if (!row) return null;
	const [minutes] = row.status === 'closed' ? await tx.select({ status: tafelMinutes.status }).from(tafelMinutes).where(eq(tafelMinutes.tafelId, id)) : [];
	const invited = await tx.select({ organisationId: tafelInvitations.organisationId, userId: tafelInvitations.userId }).from(tafelInvitations).where(eq(tafelInvitations.tafelId, id));
	return {
		row,
		ref: {
			status: row.status,
			invitedOrganisationIds: invited.filter((i) => i.userId === null).map((i) => i.organisationId),
			invitedUserIds: invited.flatMap((i) => (i.userId ? [i.userId] : [])),
			minutes: minutes?.status ?? null
		}
	};
}

export async function tafelRefOf(id: string): Promise<TafelRef | null> {
	return (await loadTafel(id))?.ref ?? null;
}

export const tafelResource = (ref: TafelRef): Resource => ({ kind: 'tafel', tafel: ref });
