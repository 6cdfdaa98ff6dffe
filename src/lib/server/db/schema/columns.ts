/** Column types shared by every area of the schema. */
import { customType, timestamp } from 'drizzle-orm/pg-core';

// Drizzle 0.45 has no bytea column. PGlite returns Uint8Array, postgres.js a Buffer
// (a Uint8Array subclass), so Uint8Array is the honest type for both.
export const bytea = customType<{ data: Uint8Array; driverData: Uint8Array }>({
	dataType: () => 'bytea'
});

export const createdAt = () => timestamp('created_at', { withTimezone: true }).notNull().defaultNow();
