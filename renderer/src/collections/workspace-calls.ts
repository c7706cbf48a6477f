// The workspace commands (contract/workspace.ts WORKSPACE_COMMANDS) through the page's
// Platform, typed by their own schemas, and the workspace push picked out of the others.
import type { z } from 'zod';
import type { Platform } from '../platform/index.js';
import type { WorkspaceTree, WORKSPACE_COMMANDS } from '../../../contract/workspace.js';

type Commands = typeof WORKSPACE_COMMANDS;
export type WsCommand = keyof Commands;
export type WsInput<C extends WsCommand> = z.input<Commands[C]['input']>;
export type WsOutput<C extends WsCommand> = z.infer<Commands[C]['output']>;

export function wsCall<C extends WsCommand>(platform: Platform, name: C, input: WsInput<C>): Promise<WsOutput<C>> {
  const call = platform.call as unknown as (name: C, input: WsInput<C>) => Promise<WsOutput<C>>;
  return call.call(platform, name, input);
}

/** Subscribes to `{ kind: 'workspace', tree }` pushes; returns the unsubscribe function. */
export function onWorkspacePush(platform: Platform, listener: (tree: WorkspaceTree) => void): () => void {
  return platform.onPush((push) => {
    const p = push as { kind: string; tree?: WorkspaceTree };
    if (p.kind === 'workspace' && p.tree) listener(p.tree);
  });
}
