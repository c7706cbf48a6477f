// The IPC channel names and menu commands shared by the main process and the preload.
// Imports nothing, so the bundled preload stays small and never pulls in main-process code.

/** Renderer → main: every command call, as one envelope {command, input}. */
export const CALL_CHANNEL = 'inetscope:call';
/** Main → renderer: batched events and catch-server updates (contract/api.ts PushSchema). */
export const PUSH_CHANNEL = 'inetscope:push';
/**
 * Main → renderer: a menu item the renderer acts on (Send, Save Response…). Kept off
 * PUSH_CHANNEL because PushSchema is the contract's data-only shape.
 */
export const MENU_CHANNEL = 'inetscope:menu';

export { MENU_COMMANDS, type MenuCommand } from '../contract/menu-commands.js';

/** What CALL_CHANNEL answers: never a thrown error, so the code survives the IPC hop. */
export type CallResult = { ok: true; output: unknown } | { ok: false; error: { code: string; message: string } };
