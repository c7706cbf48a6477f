// The request tabs as they survive a reload of the page and a restart of the app: each
// tab's draft (unsaved ones too), its link to a saved request, and the last exchange it
// showed. The core keeps it in the data dir (core/session-store.ts), never in a workspace.
// Imports nothing of the app.
import { z } from 'zod';
import { ComposerDraftSchema } from './composer-draft.js';
import { RequestIdSchema } from './request.js';
import { SavedRefSchema } from './workspace.js';

export const MAX_SESSION_TABS = 200;
/** A session's JSON at most: what both transports carry in one message (browser mode's
 * WebSocket takes up to 8 MiB), so the page knows before sending that a save would fail. */
export const MAX_SESSION_BYTES = 7 * 1024 * 1024;

export const TabKeySchema = z.string().min(1).max(100);

export const SessionTabSchema = z.strictObject({
  key: TabKeySchema,
  title: z.string().max(200).optional(),
  draft: ComposerDraftSchema,
  /** The saved request this tab edits. */
  saved: SavedRefSchema.optional(),
  /** The draft as last saved or loaded: what the unsaved-change mark compares with. */
  baseline: ComposerDraftSchema.optional(),
  /** The last exchange the tab showed, reopened from the history if it is still there. */
  requestId: RequestIdSchema.optional(),
});
export type SessionTab = z.infer<typeof SessionTabSchema>;

export const TabSessionSchema = z
  .strictObject({
    tabs: z.array(SessionTabSchema).min(1).max(MAX_SESSION_TABS),
    activeTab: TabKeySchema,
  })
  .superRefine((s, ctx) => {
    const keys = new Set<string>();
    s.tabs.forEach((t, i) => {
      if (keys.has(t.key)) ctx.addIssue({ code: 'custom', path: ['tabs', i, 'key'], message: `the tab key "${t.key}" is used twice` });
      keys.add(t.key);
    });
    if (!keys.has(s.activeTab)) ctx.addIssue({ code: 'custom', path: ['activeTab'], message: 'the active tab is not one of the tabs' });
    const bytes = sessionBytes(s);
    if (bytes > MAX_SESSION_BYTES) ctx.addIssue({ code: 'custom', path: ['tabs'], message: `the session is ${bytes} bytes as JSON, more than ${MAX_SESSION_BYTES}` });
  });
export type TabSession = z.infer<typeof TabSessionSchema>;

/** A session's size as JSON for the bound: its UTF-8 length, or its length in UTF-16 units
 * while even three bytes per unit would stay within the bound (no encoding when plainly small). */
export function jsonBytes(json: string): number {
  return json.length * 3 <= MAX_SESSION_BYTES ? json.length : new TextEncoder().encode(json).length;
}

export const sessionBytes = (session: unknown): number => jsonBytes(JSON.stringify(session));

/** Which page's saves are kept: the one that loaded last (a window opened later takes the
 * tabs over; an older one's saves are refused with SESSION_TAKEN). */
export const SessionOwnerSchema = z.string().min(1).max(100);

export const SESSION_COMMANDS = {
  /** The stored session (none on a first start, or after a malformed file was set aside:
   * `problem` then says so, once, and where the file went), and the caller's `owner`. */
  loadSession: {
    input: z.strictObject({}),
    output: z.object({ session: TabSessionSchema.optional(), problem: z.string().optional(), owner: SessionOwnerSchema }),
  },
  /** Replaces the stored session (the latest save wins), if `owner` is still the last loader's. */
  saveSession: { input: z.strictObject({ owner: SessionOwnerSchema, session: TabSessionSchema }), output: z.object({ saved: z.literal(true) }) },
} as const;
