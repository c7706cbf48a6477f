// "Export as Postman collection…", "Export as HAR…" (the workspace or a folder) and "Export
// environment for Postman…": the core writes the file where the shell's save dialog says
// (browser mode: its downloads folder); each answer is one line for the collections' report.
import { describeError, type Platform } from '../platform/index.js';
import { formatBytes } from '../format.js';
import type { ExportNote } from '../../../contract/export.js';
import type { ExportKind } from '../dialogs/dialog-store.js';

export interface ExportOutcome {
  kind: 'info' | 'error';
  text: string;
  notes: ExportNote[];
}

export interface ExportChoice {
  kind: ExportKind;
  workspaceId: string;
  folder: string;
  /** HAR: the environment the requests resolve against; environment export: the one written. */
  environment?: string;
  includeSecrets: boolean;
}

const plural = (n: number, one: string, many: string): string => `${n} ${n === 1 ? one : many}`;

export async function runExport(platform: Platform, c: ExportChoice): Promise<ExportOutcome> {
  const what = c.kind === 'environment' ? 'Environment export' : c.kind === 'har' ? 'HAR export' : 'Postman export';
  try {
    if (c.kind === 'environment') {
      if (c.environment === undefined) return { kind: 'error', text: `${what}: choose an environment`, notes: [] };
      const r = await platform.call('exportEnvironment', { id: c.workspaceId, environment: c.environment, includeSecrets: c.includeSecrets });
      if (!r.saved) return { kind: 'info', text: `${what} cancelled: nothing saved.`, notes: [] };
      return { kind: 'info', text: `Exported the environment ${c.environment} (${plural(r.variables, 'variable', 'variables')}, ${formatBytes(r.bytes)}) to ${r.path}`, notes: [] };
    }
    const r = await platform.call('exportCollection', {
      id: c.workspaceId,
      ...(c.folder ? { folder: c.folder } : {}),
      format: c.kind,
      ...(c.kind === 'har' && c.environment !== undefined ? { environment: c.environment } : {}),
      includeSecrets: c.includeSecrets,
    });
    if (!r.saved) return { kind: 'info', text: `${what} cancelled: nothing saved.`, notes: [] };
    return { kind: 'info', text: `Exported ${plural(r.requests, 'request', 'requests')} (${formatBytes(r.bytes)}) to ${r.path}`, notes: r.notes };
  } catch (e) {
    return { kind: 'error', text: `${what} failed: ${describeError(e)}`, notes: [] };
  }
}
