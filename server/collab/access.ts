/** The socket asks the same question as pages and threads: one implementation in the services. */
export { documentAccess, type DocumentAccess } from '#lib/server/services/document-access.ts';
