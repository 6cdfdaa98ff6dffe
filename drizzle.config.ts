import { defineConfig } from 'drizzle-kit';

// Migrations are generated offline from the one schema and applied at start-up
// to PGlite and PostgreSQL alike.
export default defineConfig({
	dialect: 'postgresql',
	schema: './src/lib/server/db/schema.ts',
	out: './drizzle'
});
