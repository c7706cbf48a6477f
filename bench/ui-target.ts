// The UI benchmark's target server in a process of its own (forked by bench/ui.ts): the
// test server's routes (GET /bytes/N streams N pattern bytes) at http://127.0.0.1:PORT,
// sent as { url } to the parent over IPC. A remote server's work never runs on the core's
// event loop; served from the core's own process, the 100 MB body's writes would share
// that loop with the engine's events and the page's pushes and time the rig, not the app.
// Ends when its parent disconnects.
import { startTestServer } from '../test/support/http-server.js';

if (!process.send) throw new Error('usage: fork ui-target.js (with an IPC channel)');
const server = await startTestServer();
process.send({ url: server.url });
process.on('disconnect', () => {
  void server.close().finally(() => process.exit(0));
});
