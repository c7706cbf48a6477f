import { describe, expect, it, vi } from 'vitest';
import { BrowserPlatform, reconnectDelay, socketUrl, type SocketLike } from './browser-platform.js';
import { ElectronPlatform, type InetScopeBridge } from './electron-platform.js';
import { parseErrorMessage, type Platform } from './types.js';

class FakeSocket implements SocketLike {
  readyState = 0;
  sent: string[] = [];
  onopen: ((ev: unknown) => void) | null = null;
  onclose: ((ev: unknown) => void) | null = null;
  onerror: ((ev: unknown) => void) | null = null;
  onmessage: ((ev: { data: unknown }) => void) | null = null;
  send(data: string): void {
    this.sent.push(data);
  }
  close(): void {
    this.onclose?.({});
  }
  open(): void {
    this.readyState = 1;
    this.onopen?.({});
  }
  deliver(msg: unknown): void {
    this.onmessage?.({ data: JSON.stringify(msg) });
  }
}

function browser() {
  let socket: FakeSocket | undefined;
  const p = new BrowserPlatform('ws://x/ws?token=t', () => (socket = new FakeSocket()));
  return { p, socket: socket as unknown as FakeSocket };
}

describe('BrowserPlatform', () => {
  it('builds the socket URL from the page location', () => {
    expect(socketUrl({ protocol: 'http:', host: '127.0.0.1:5000' }, 'ab c')).toBe('ws://127.0.0.1:5000/ws?token=ab%20c');
    expect(socketUrl({ protocol: 'https:', host: 'h' }, '')).toBe('wss://h/ws?token=');
  });

  it('queues calls until open, then matches results by callId', async () => {
    const { p, socket } = browser();
    const a = p.call('cancelRequest', { id: '11111111-1111-4111-8111-111111111111' });
    const b = p.call('getSettings', {});
    expect(socket.sent).toHaveLength(0);
    socket.open();
    expect(p.connection()).toBe('connected');
    const sent = socket.sent.map((t) => JSON.parse(t));
    expect(sent.map((m) => [m.kind, m.callId, m.command])).toEqual([['call', 0, 'cancelRequest'], ['call', 1, 'getSettings']]);
    socket.deliver({ kind: 'result', callId: 1, ok: false, error: { code: 'BAD_INPUT', message: 'no' } });
    socket.deliver({ kind: 'result', callId: 0, ok: true, output: { cancelled: true } });
    await expect(a).resolves.toEqual({ cancelled: true });
    await expect(b).rejects.toMatchObject({ code: 'BAD_INPUT', message: 'no' });
  });

  it('delivers pushes and ignores malformed messages', () => {
    const { p, socket } = browser();
    const got: unknown[] = [];
    p.onPush((push) => got.push('events' in push ? push.events.length : push.kind));
    const logged = vi.spyOn(console, 'error').mockImplementation(() => {});
    socket.open();
    socket.deliver({ kind: 'events', events: [{ type: 'native', id: 'a', seq: 0, hop: 0, t: 1, status: 'RESOLVING_NAME', code: 10 }] });
    socket.deliver({ kind: 'events', events: [{ type: 'bogus' }] });
    socket.onmessage?.({ data: 'not json' });
    expect(got).toEqual([1]);
    expect(logged).toHaveBeenCalledTimes(1);
    logged.mockRestore();
  });

  it('delivers catch-server pushes', () => {
    const { p, socket } = browser();
    const got: string[] = [];
    p.onPush((push) => got.push(push.kind));
    socket.open();
    socket.deliver({ kind: 'caught', events: [{ type: 'CONNECTION_CLOSED', id: '6f1c1a34-7a9e-4b0e-9d77-0c1e6c1f6a01', seq: 0, t: 1, connection: 1 }], requests: [] });
    expect(got).toEqual(['caught']);
  });

  it('offers no native picker and no save dialog: the page never names a path on disk', () => {
    const p: Platform = browser().p;
    expect(p.pickFile).toBeUndefined();
    expect(p.chooseSaveLocation).toBeUndefined();
  });
});

describe('BrowserPlatform reconnect', () => {
  it('fails pending calls when the socket closes, refuses calls while away, reconnects with a backoff', async () => {
    vi.useFakeTimers();
    try {
      const sockets: FakeSocket[] = [];
      const p = new BrowserPlatform('ws://x/ws?token=t', (url) => {
        expect(url).toBe('ws://x/ws?token=t');
        const s = new FakeSocket();
        sockets.push(s);
        return s;
      });
      const states: string[] = [];
      p.onConnectionChange((s) => states.push(s));
      sockets[0]!.open();
      const a = p.call('getSettings', {});
      sockets[0]!.onerror?.({});
      sockets[0]!.close();
      await expect(a).rejects.toMatchObject({ code: 'DISCONNECTED' });
      await expect(p.call('getSettings', {})).rejects.toMatchObject({ code: 'DISCONNECTED', message: expect.stringMatching(/reconnecting/) });
      expect(states).toEqual(['connected', 'reconnecting']);
      // The first retry fails (the core is still away), the second one opens.
      vi.advanceTimersByTime(reconnectDelay(0));
      expect(sockets).toHaveLength(2);
      sockets[1]!.close();
      vi.advanceTimersByTime(reconnectDelay(1) - 1);
      expect(sockets).toHaveLength(2);
      vi.advanceTimersByTime(1);
      expect(sockets).toHaveLength(3);
      sockets[2]!.open();
      expect(states).toEqual(['connected', 'reconnecting', 'connected']);
      const b = p.call('getSettings', {});
      expect(sockets[2]!.sent).toHaveLength(1);
      sockets[2]!.deliver({ kind: 'result', callId: JSON.parse(sockets[2]!.sent[0]!).callId, ok: false, error: { code: 'X', message: 'y' } });
      await expect(b).rejects.toMatchObject({ code: 'X' });
      // The old socket's late events change nothing.
      sockets[0]!.close();
      expect(p.connection()).toBe('connected');
    } finally {
      vi.useRealTimers();
    }
  });

  it('backs off to every 5 s', () => {
    expect([0, 1, 2, 3, 4, 5, 50].map(reconnectDelay)).toEqual([250, 500, 1000, 2000, 4000, 5000, 5000]);
  });
});

describe('ElectronPlatform', () => {
  it('parses "CODE: message" errors', () => {
    expect(parseErrorMessage(new Error('BAD_INPUT: url: required'))).toMatchObject({ code: 'BAD_INPUT', message: 'url: required' });
    expect(parseErrorMessage(new Error("Error invoking remote method 'x': Error: NOT_FOUND: no such request"))).toMatchObject({ code: 'NOT_FOUND', message: 'no such request' });
    expect(parseErrorMessage(new Error('plain failure'))).toMatchObject({ code: 'INTERNAL', message: 'plain failure' });
  });

  it('calls the bridge method and rejects with a PlatformError', async () => {
    const bridge = {
      getSettings: async () => ({ defaultEngine: 'curl', bodyStoreLimitMiB: 64, theme: 'dark' }),
      pickUploadFile: vi.fn().mockResolvedValueOnce({ picked: true, fileToken: 't', name: 'a.bin', size: 3 }).mockResolvedValueOnce({ picked: false }),
      cancelRequest: async () => {
        throw new Error('NOT_FOUND: gone');
      },
      onPush: () => () => {},
      onMenuCommand: (l: (c: unknown) => void) => {
        l('bogus');
        l('send');
        return () => {};
      },
    } as unknown as InetScopeBridge;
    const p = new ElectronPlatform(bridge);
    await expect(p.call('getSettings', {})).resolves.toMatchObject({ theme: 'dark' });
    await expect(p.call('cancelRequest', { id: 'x' })).rejects.toMatchObject({ code: 'NOT_FOUND', message: 'gone' });
    expect(p.chooseSaveLocation).toBe(true);
    await expect(p.pickFile()).resolves.toEqual({ fileToken: 't', name: 'a.bin', size: 3 });
    await expect(p.pickFile()).resolves.toBeUndefined();
    const menu: string[] = [];
    p.onMenuCommand((c) => menu.push(c));
    expect(menu).toEqual(['send']);
  });
});
