// A loopback server for cookie and redirect tests: each hop of a chain sets a cookie, and
// every request's method, Cookie header and body is recorded.
//   /a  sets c1, 302 → /b      /b  sets c2, 307 → /c      /c  sets c3, 200 "done"
//   /see-other  303 → /echo    /loop  302 → /loop        /to-hang  302 → /hang (never answers)
//   /login  sets session=s1    /me  200 with session=s1, else 401
//   /set-cookie?name=value  sets it     /echo  200 "echo"     /to-ftp  302 → ftp://…
import http, { type IncomingMessage, type OutgoingHttpHeaders, type ServerResponse } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';

export interface Recorded {
  path: string;
  method: string;
  cookie?: string;
  authorization?: string;
  contentType?: string;
  body: string;
}

export interface CookieServer {
  url: string;
  requests: Recorded[];
  /** The requests to `path` (without query), in order. */
  to(path: string): Recorded[];
  close(): Promise<void>;
}

function answer(req: IncomingMessage, res: ServerResponse, url: URL): void {
  const redirect = (status: number, location: string, cookie?: string) => {
    res.writeHead(status, { Location: location, 'Content-Type': 'text/plain', ...(cookie ? { 'Set-Cookie': cookie } : {}) });
    res.end(`redirect to ${location}\n`);
  };
  const ok = (body: string, headers: OutgoingHttpHeaders = {}) => {
    res.writeHead(200, { 'Content-Type': 'text/plain', ...headers });
    res.end(body);
  };
  switch (url.pathname) {
    case '/a': return redirect(302, 'b', 'c1=one; Path=/');
    case '/b': return redirect(307, '/c', 'c2=two; Path=/');
    case '/c': return ok('done', { 'Set-Cookie': 'c3=three; Path=/' });
    case '/see-other': return redirect(303, '/echo');
    case '/loop': return redirect(302, '/loop');
    case '/to-hang': return redirect(302, '/hang');
    case '/hang': return; // never answers: the client cancels or times out
    case '/to-ftp': return redirect(302, 'ftp://127.0.0.1/file');
    case '/login': return ok('welcome', { 'Set-Cookie': 'session=s1; Path=/; HttpOnly' });
    case '/me': {
      const on = /(?:^|;\s*)session=s1(?:;|$)/.test(req.headers.cookie ?? '');
      res.writeHead(on ? 200 : 401, { 'Content-Type': 'text/plain' });
      return void res.end(on ? 'me' : 'who?');
    }
    case '/set-cookie': return ok('set', { 'Set-Cookie': [...url.searchParams].map(([k, v]) => `${k}=${v}; Path=/`) });
    default: return ok('echo');
  }
}

export async function startCookieServer(): Promise<CookieServer> {
  const requests: Recorded[] = [];
  const sockets = new Set<Socket>();
  const server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const url = new URL(req.url ?? '/', 'http://127.0.0.1');
      requests.push({
        path: url.pathname, method: req.method ?? '', body: Buffer.concat(chunks).toString('utf8'),
        ...(req.headers.cookie !== undefined ? { cookie: req.headers.cookie } : {}),
        ...(req.headers.authorization !== undefined ? { authorization: req.headers.authorization } : {}),
        ...(req.headers['content-type'] !== undefined ? { contentType: req.headers['content-type'] } : {}),
      });
      answer(req, res, url);
    });
  });
  server.on('connection', (s) => {
    sockets.add(s);
    s.on('close', () => sockets.delete(s));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    requests,
    to: (p) => requests.filter((r) => r.path === p),
    close: async () => {
      for (const s of sockets) s.destroy();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
