// Saving the Manage environments dialog: its plan's calls one after another (the files
// first, so a read-only folder or a malformed file refuses before any secret changes), each
// tree applied as it comes, and the environment selector following a rename of its choice.
import type { CommandInput } from '../../../contract/api.js';
import { describeError, PlatformError, type Platform } from '../platform/index.js';
import { appStore } from '../app-store.js';
import { applyTree } from '../collections/workspace-actions.js';
import type { SavePlan } from './env-save.js';

/** What a refused save says, naming the file to fix where one is at fault. */
function refusal(e: unknown, input: CommandInput<'saveVariables'> | undefined): string {
  if (e instanceof PlatformError && e.code === 'MALFORMED') {
    const file = input?.folder ? `${input.folder}/folder.yaml` : 'workspace.yaml';
    return `Not saved: ${file} must be fixed first. ${e.message}`;
  }
  if (e instanceof PlatformError && e.code === 'READ_ONLY') return `Not saved (READ_ONLY): ${e.message}`;
  return `Not saved: ${describeError(e)}`;
}

function followRenames(workspaceId: string, renamed: SavePlan['renamed']): void {
  const s = appStore.getState();
  const to = renamed.find((r) => r.from === s.environments[workspaceId])?.to;
  if (to !== undefined) s.setEnvironment(workspaceId, to);
}

/** Resolves with the message to show, or undefined once everything is saved. */
export async function saveEnvironments(platform: Platform, workspaceId: string, plan: SavePlan): Promise<string | undefined> {
  let current: CommandInput<'saveVariables'> | undefined;
  let done = 0;
  try {
    for (const input of plan.saves) {
      current = input;
      const tree = await platform.call('saveVariables', input);
      if (input.folder === undefined) followRenames(workspaceId, plan.renamed);
      applyTree(platform, tree);
      done++;
    }
    current = undefined;
    for (const secret of plan.secrets) await platform.call('setSecret', secret);
    return undefined;
  } catch (e) {
    if (!current) return `The variables are saved, but a secret is not: ${describeError(e)}`;
    return done > 0 ? `Partly saved (${done} of ${plan.saves.length} files). ${refusal(e, current)}` : refusal(e, current);
  }
}
