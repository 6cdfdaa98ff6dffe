/**
 * The database schema, one file per area under schema/. Queries and drizzle-kit import
 * this module, which re-exports them all.
 */
export { bytea } from './schema/columns.ts';
export * from './schema/accounts.ts';
export * from './schema/documents.ts';
export * from './schema/projects.ts';
export * from './schema/imports.ts';
export * from './schema/tafels.ts';
export * from './schema/comments.ts';
export * from './schema/versions.ts';
export * from './schema/tafel-live.ts';
