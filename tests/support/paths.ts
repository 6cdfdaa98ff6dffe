import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
export const TMP = path.join(ROOT, 'tests/.tmp');
export const TEMPLATE = path.join(TMP, 'pglite-template.tar.gz');
export const BUILD_HANDLER = path.join(ROOT, 'build/handler.js');
