// runExport: the command each export kind sends (the workspace's '' folder left out, an
// environment only for HAR), and the one line each answer becomes.
import { describe, expect, it } from 'vitest';
import { PlatformError, type Platform } from '../platform/index.js';
import { runExport } from './export-actions.js';

function platformAnswering(answer: unknown): { platform: Platform; calls: Array<[string, unknown]> } {
  const calls: Array<[string, unknown]> = [];
  const platform = {
    call: async (name: string, input: unknown) => {
      calls.push([name, input]);
      if (answer instanceof Error) throw answer;
      return answer;
    },
  } as unknown as Platform;
  return { platform, calls };
}

describe('runExport', () => {
  it('a workspace as Postman: no folder, no environment; the line names the count and the file', async () => {
    const { platform, calls } = platformAnswering({ saved: true, path: '/d/Shop.postman_collection.json', requests: 2, bytes: 2048, notes: [] });
    const out = await runExport(platform, { kind: 'postman', workspaceId: 'w', folder: '', environment: 'dev', includeSecrets: false });
    expect(calls).toEqual([['exportCollection', { id: 'w', format: 'postman', includeSecrets: false }]]);
    expect(out).toEqual({ kind: 'info', text: 'Exported 2 requests (2.00 KiB) to /d/Shop.postman_collection.json', notes: [] });
  });

  it('a folder as HAR with its environment; notes passed on', async () => {
    const notes = [{ path: 'Shop/A.yaml', note: 'written as its template' }];
    const { platform, calls } = platformAnswering({ saved: true, path: '/d/Shop.har', requests: 1, bytes: 10, notes });
    const out = await runExport(platform, { kind: 'har', workspaceId: 'w', folder: 'Shop', environment: 'dev', includeSecrets: true });
    expect(calls).toEqual([['exportCollection', { id: 'w', folder: 'Shop', format: 'har', environment: 'dev', includeSecrets: true }]]);
    expect(out.notes).toEqual(notes);
    expect(out.text).toMatch(/^Exported 1 request \(/);
  });

  it('an environment; a cancelled save; a refusal', async () => {
    const env = platformAnswering({ saved: true, path: '/d/dev.postman_environment.json', variables: 1, bytes: 99 });
    expect((await runExport(env.platform, { kind: 'environment', workspaceId: 'w', folder: '', environment: 'dev', includeSecrets: false })).text).toMatch(/^Exported the environment dev \(1 variable, /);
    expect(env.calls).toEqual([['exportEnvironment', { id: 'w', environment: 'dev', includeSecrets: false }]]);
    const none = platformAnswering({ saved: false });
    expect((await runExport(none.platform, { kind: 'postman', workspaceId: 'w', folder: '', includeSecrets: false })).text).toBe('Postman export cancelled: nothing saved.');
    const refused = platformAnswering(new PlatformError('NOT_FOUND', 'no folder "X"'));
    expect(await runExport(refused.platform, { kind: 'har', workspaceId: 'w', folder: 'X', includeSecrets: false })).toEqual({ kind: 'error', text: 'HAR export failed: NOT_FOUND: no folder "X"', notes: [] });
  });
});
