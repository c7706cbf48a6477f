// What the preload exposes as window.inetscope: one typed method per command of
// contract/api.ts, plus subscriptions to pushes and menu commands. There is no generic
// invoke(channel): the page can reach nothing but these commands. Written against a small
// IpcRendererLike so it can be checked without Electron.
import { COMMAND_NAMES, type CommandInput, type CommandName, type CommandOutput, type Push } from '../../contract/api.js';
import { CALL_CHANNEL, MENU_CHANNEL, MENU_COMMANDS, PUSH_CHANNEL, type CallResult, type MenuCommand } from '../channels.js';

/** The part of Electron's ipcRenderer the preload uses. */
export interface IpcRendererLike {
  invoke(channel: string, ...args: unknown[]): Promise<unknown>;
  on(channel: string, listener: (event: unknown, ...args: unknown[]) => void): unknown;
  removeListener(channel: string, listener: (event: unknown, ...args: unknown[]) => void): unknown;
}

type CommandMethods = { [C in CommandName]: (input: CommandInput<C>) => Promise<CommandOutput<C>> };

interface InetScopeApi extends CommandMethods {
  onPush(listener: (push: Push) => void): () => void;
  onMenuCommand(listener: (command: MenuCommand) => void): () => void;
}

/**
 * A failed command. contextBridge copies only an Error's message into the page, so the
 * code is also the message's prefix: "code: message" (the page reads it with /^([A-Z_]+): /; codes are the core's, e.g. BAD_INPUT).
 */
function commandError(code: string, message: string): Error & { code: string } {
  return Object.assign(new Error(`${code}: ${message}`), { code });
}

function unwrap(result: unknown): unknown {
  const r = result as CallResult | undefined;
  if (r?.ok === true) return r.output;
  if (r?.ok === false) throw commandError(r.error.code, r.error.message);
  throw commandError('BAD_RESPONSE', 'The main process answered with something that is not a result.');
}

/** Subscribes to a channel; the IPC event (which holds the sender) never reaches the page. */
function subscribe(ipc: IpcRendererLike, channel: string, take: (payload: unknown) => void): () => void {
  const listener = (_event: unknown, payload: unknown): void => take(payload);
  ipc.on(channel, listener);
  return () => void ipc.removeListener(channel, listener);
}

export function createApi(ipc: IpcRendererLike): InetScopeApi {
  const methods: Record<string, (input: unknown) => Promise<unknown>> = {};
  for (const command of COMMAND_NAMES) {
    methods[command] = async (input) => unwrap(await ipc.invoke(CALL_CHANNEL, { command, input }));
  }
  return {
    ...(methods as unknown as CommandMethods),
    onPush: (listener) => subscribe(ipc, PUSH_CHANNEL, (p) => listener(p as Push)),
    onMenuCommand: (listener) =>
      subscribe(ipc, MENU_CHANNEL, (c) => {
        if ((MENU_COMMANDS as readonly unknown[]).includes(c)) listener(c as MenuCommand);
      }),
  };
}
