// A loopback port where connecting hangs: a listening socket that never accepts, with
// its accept queue already full, so the kernel drops further SYNs and the client stays
// in "connecting". Node always accepts, so the listener is a tiny python3 process.
import { spawn } from 'node:child_process';
import net from 'node:net';

export interface Blackhole {
  url: string;
  close(): Promise<void>;
}

const LISTENER = `
import socket, sys, time
s = socket.socket(); s.bind(('127.0.0.1', 0)); s.listen(0)
print(s.getsockname()[1], flush=True)
time.sleep(600)
`;

export async function startBlackhole(): Promise<Blackhole> {
  const child = spawn('python3', ['-c', LISTENER], { stdio: ['ignore', 'pipe', 'inherit'] });
  const port = await new Promise<number>((resolve, reject) => {
    child.once('error', (e) => reject(new Error(`python3 is needed for the connect-hang listener: ${e.message}`)));
    child.stdout.once('data', (d: Buffer) => resolve(Number(d.toString().trim())));
    setTimeout(() => reject(new Error('the python3 listener did not start within 10 s')), 10_000).unref();
  });
  // Fill the accept queue; these connections complete and are never accepted.
  const fillers: net.Socket[] = [];
  for (let i = 0; i < 3; i++) {
    const s = net.connect(port, '127.0.0.1');
    s.on('error', () => {});
    fillers.push(s);
  }
  await new Promise((r) => setTimeout(r, 200));
  return {
    url: `http://127.0.0.1:${port}`,
    async close() {
      for (const s of fillers) s.destroy();
      const gone = new Promise((r) => child.once('exit', r));
      child.kill('SIGKILL');
      await gone;
    },
  };
}
