/**
 * Creates the embedded database's folder (initdb) in a process of its own, started by
 * pglite-remote.ts for a DATA_DIR without a database. initdb runs in WebAssembly
 * instances of its own whose memory PGlite never gives back (~500 MB of the server's
 * resident memory, more than half of it still held after a worker thread ended); a
 * process returns all of it when it exits.
 *
 * Usage: node pglite-initdb.js <dataDir>   (exit code 0 once the folder is ready)
 */
import { PGlite } from '@electric-sql/pglite';

// Started over IPC: when the server goes, this goes too, rather than finish for nobody.
process.once('disconnect', () => process.exit(1));
process.channel?.unref();

const dataDir = process.argv[2];
if (!dataDir) throw new Error('usage: node pglite-initdb.js <dataDir>');
const pg = new PGlite(dataDir);
await pg.waitReady;
await pg.close();
// PGlite leaves handles open after close(); the folder is complete, so leave now.
process.exit(0);
