/**
 * A stand-in test runner (tests/integration/orphans.test.ts): starts a server through
 * startServer, prints `RUNNER_SERVER <pid> <dataDir>` and waits to be killed.
 */
import { startServer } from './server.ts';

const server = await startServer();
console.log(`RUNNER_SERVER ${server.child.pid} ${server.dataDir}`);
setInterval(() => undefined, 60_000);
