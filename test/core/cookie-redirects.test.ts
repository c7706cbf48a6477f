// Redirects followed hop by hop with the workspace's cookie jar between the hops, through a
// real AppCore on both engines against a loopback server: a 3-hop chain that sets a cookie
// on each hop, isolation between workspaces, sendCookies false, curl -L's method rules, the
// redirect bound, a cancel mid-chain, and the native stacks' own cookie stores kept out.
import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import type { CookiesEvent, InetEvent } from '../../contract/events.js';
import type { RequestDraft } from '../../contract/request.js';
import type { SendContext } from '../../contract/variables.js';
import { AppCore } from '../../core/app-core.js';
import { finishedOf, recorder } from '../support/core.js';
import { startCookieServer, type CookieServer } from '../support/cookie-server.js';

const inWorkspace = (workspaceId: string): SendContext => ({ workspaceId, overrides: [] });

describe('redirects hop by hop with the cookie jar (AppCore)', () => {
  let srv: CookieServer;
  let dataDir: string;
  let core: AppCore;
  let rec: ReturnType<typeof recorder>;
  let savePath: string | undefined;

  before(async () => {
    srv = await startCookieServer();
    dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'inetscope-hops-'));
    const hooks = { chooseSavePath: async () => savePath, chooseUploadFile: async () => undefined };
    core = await AppCore.create({ dataDir, log: () => {}, hooks, variables: { layersFor: async () => [] } });
    rec = recorder(core);
  });
  after(async () => {
    await core.close();
    await srv.close();
    fs.rmSync(dataDir, { recursive: true, force: true });
  });

  for (const engine of ['curl', 'wininet'] as const) {
    describe(engine, () => {
      // Each engine has workspaces of its own: their jars start empty.
      const A = inWorkspace(`a-${engine}`);
      const B = inWorkspace(`b-${engine}`);

      async function send(path: string, request: Partial<RequestDraft>, context?: SendContext): Promise<{ id: string; events: InetEvent[] }> {
        const id = randomUUID();
        const done = rec.finished(id, 60_000);
        await core.call('sendRequest', { id, request: { engine, url: `${srv.url}${path}`, followRedirects: true, ...request }, ...(context ? { context } : {}) });
        await done;
        return { id, events: rec.events(id) };
      }
      const last = (p: string) => srv.to(p).at(-1);

      it('a 3-hop chain: each hop sends what the hops before it set, and a later request sends all three', async () => {
        const { id, events } = await send('/a', { method: 'POST', body: { kind: 'text', text: 'payload' } }, A);
        const fin = finishedOf(events.at(-1) as InetEvent);
        assert.equal(fin.ok, true, JSON.stringify(fin.error));
        assert.equal(fin.statusCode, 200);
        assert.equal(fin.bodyBytes, 4, 'only the final body is kept');
        assert.equal(last('/a')?.cookie, undefined);
        assert.equal(last('/a')?.body, 'payload');
        assert.deepEqual([last('/b')?.method, last('/b')?.cookie, last('/b')?.body], ['GET', 'c1=one', ''], '302 turns the POST into a GET');
        assert.deepEqual([last('/c')?.method, last('/c')?.cookie], ['GET', 'c1=one; c2=two']);
        // One logical request: one started, one finished, seq without gaps, hops 0-2, t not going back.
        assert.deepEqual(events.map((e) => e.seq), events.map((_, i) => i));
        assert.equal(events.filter((e) => e.type === 'started').length, 1);
        assert.equal(events.filter((e) => e.type === 'finished').length, 1);
        assert.deepEqual([...new Set(events.map((e) => e.hop))], [0, 1, 2]);
        assert.ok(events.every((e, i) => i === 0 || e.t >= (events[i - 1] as InetEvent).t));
        const redirects = events.filter((e) => e.type === 'native' && e.status === 'REDIRECT');
        assert.deepEqual(redirects.map((e) => [e.hop, e.type === 'native' ? e.info?.url : '']), [[0, `${srv.url}/b`], [1, `${srv.url}/c`]]);
        const cookies = events.filter((e): e is CookiesEvent => e.type === 'cookies');
        assert.deepEqual(cookies.map((e) => [e.hop, e.sent, e.received.map((o) => `${o.name}:${o.stored}`)]), [
          [0, [], ['c1:true']],
          [1, ['c1'], ['c2:true']],
          [2, ['c1', 'c2'], ['c3:true']],
        ]);
        cookies.forEach((c) => assert.equal(events[events.indexOf(c) - 1]?.type, 'headers', 'a cookies event follows its hop\'s headers'));
        // HAR: an entry per hop, each with the cookies it sent and the ones it was set.
        savePath = path.join(dataDir, `chain-${engine}.har`);
        await core.call('exportHar', { ids: [id] });
        const har = JSON.parse(fs.readFileSync(savePath, 'utf8')) as { log: { entries: { request: { url: string; cookies: { name: string }[] }; response: { status: number; cookies: { name: string }[] } }[] } };
        assert.deepEqual(har.log.entries.map((e) => [e.request.url.replace(srv.url, ''), e.response.status, e.request.cookies.map((c) => c.name), e.response.cookies.map((c) => c.name)]), [
          ['/a', 302, [], ['c1']],
          ['/b', 307, ['c1'], ['c2']],
          ['/c', 200, ['c1', 'c2'], ['c3']],
        ]);
        await send('/echo', {}, A);
        assert.equal(last('/echo')?.cookie, 'c1=one; c2=two; c3=three');
      });

      it('307 resends the method and the body, with the jar\'s cookies', async () => {
        await send('/b', { method: 'POST', body: { kind: 'text', text: 'again' } }, A);
        assert.deepEqual([last('/c')?.method, last('/c')?.body], ['POST', 'again']);
        assert.equal(last('/c')?.cookie, 'c1=one; c2=two; c3=three');
      });

      it('another workspace\'s request to the same server sends none of its cookies', async () => {
        await send('/echo', {}, B);
        assert.equal(last('/echo')?.cookie, undefined);
      });

      it('sendCookies false sends none but still stores what the response sets', async () => {
        await send('/set-cookie?late=1', { sendCookies: false }, A);
        assert.equal(last('/set-cookie')?.cookie, undefined);
        await send('/echo', {}, A);
        assert.match(last('/echo')?.cookie ?? '', /(^|; )late=1$/);
      });

      it('303 turns a POST into a GET without its body and Content-Type', async () => {
        await send('/see-other', { method: 'POST', body: { kind: 'text', text: 'form=1' }, headers: [{ name: 'Content-Type', value: 'application/x-www-form-urlencoded', enabled: true }] }, B);
        assert.equal(last('/see-other')?.contentType, 'application/x-www-form-urlencoded');
        assert.deepEqual([last('/echo')?.method, last('/echo')?.body, last('/echo')?.contentType], ['GET', '', undefined]);
      });

      it('more redirects than maxRedirects ends TOO_MANY_REDIRECTS after maxRedirects + 1 hops', async () => {
        const before = srv.to('/loop').length;
        const { events } = await send('/loop', { maxRedirects: 3 }, B);
        const fin = finishedOf(events.at(-1) as InetEvent);
        assert.deepEqual([fin.ok, fin.error?.code, fin.error?.message], [false, 'TOO_MANY_REDIRECTS', 'Maximum (3) redirects followed']);
        assert.equal(srv.to('/loop').length - before, 4);
      });

      it('a redirect to another scheme ends UNSUPPORTED_SCHEME', async () => {
        const { events } = await send('/to-ftp', {}, B);
        assert.equal(finishedOf(events.at(-1) as InetEvent).error?.code, 'UNSUPPORTED_SCHEME');
      });

      it('a cancel reaches the hop in flight', async () => {
        const id = randomUUID();
        const done = rec.finished(id, 60_000);
        const sentHop1 = rec.waitFor((e) => e.id === id && e.hop === 1 && e.type === 'native' && e.status === 'REQUEST_SENT', 60_000, 'hop 1 sent');
        await core.call('sendRequest', { id, request: { engine, url: `${srv.url}/to-hang`, followRedirects: true }, context: B });
        await sentHop1;
        assert.deepEqual(await core.call('cancelRequest', { id }), { cancelled: true });
        const fin = finishedOf(await done);
        assert.equal(fin.error?.code, 'CANCELLED');
        assert.equal(fin.hop, 1);
      });

      it('the total timeout covers the chain: it ends the hop in flight', async () => {
        const started = Date.now();
        const { events } = await send('/to-hang', { timeouts: { totalMs: 1500 } }, B);
        const fin = finishedOf(events.at(-1) as InetEvent);
        assert.deepEqual([fin.error?.code, fin.hop], ['TIMEOUT', 1]);
        assert.ok(Date.now() - started < 10_000);
      });

      it('without a workspace the stack follows itself, and its own cookie store stays out', async () => {
        const before = srv.to('/b').length;
        await send('/a', {});
        assert.equal(srv.to('/b').length, before + 1);
        assert.equal(last('/b')?.cookie, undefined, 'the stack did not store c1');
        await send('/set-cookie?native=1', {});
        await send('/echo', {});
        assert.equal(last('/echo')?.cookie, undefined, 'the stack did not send what the last response set');
      });
    });
  }
});
