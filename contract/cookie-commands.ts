// The Cookies view's commands (a workspace's jar: list, add or edit, delete, clear) and the
// push that tells an open view the jar changed. A cookie the user typed is checked here,
// once, with the same rules the view shows as it is typed. Imports nothing of the app.
import { z } from 'zod';
import { CookieKeySchema, CookieSchema } from './cookies.js';
import { WorkspaceIdSchema } from './workspace.js';

/** RFC 6265's cookie-name is an HTTP token. */
const TOKEN = /^[!#$%&'*+.^_`|~0-9A-Za-z-]+$/;
/** Anything a Cookie header can carry as it is: no control character, no ';'. */
const HEADER_SAFE = /^[^\p{Cc};]*$/u;
/** Lower-case host names (labels of letters, digits, '-' and '_'), IPv4 addresses among them. */
const DOMAIN = /^[a-z0-9_]([a-z0-9_-]{0,61}[a-z0-9_])?(\.[a-z0-9_]([a-z0-9_-]{0,61}[a-z0-9_])?)*$/;

/** A cookie as the user types it in the Cookies view: the jar's fields, each checked. */
export const EditedCookieSchema = CookieSchema.extend({
  name: CookieSchema.shape.name.min(1, 'a cookie needs a name').regex(TOKEN, "a cookie name is a token: letters, digits and !#$%&'*+-.^_`|~ (no space, '=', ';' or quote)"),
  value: CookieSchema.shape.value.regex(HEADER_SAFE, "a cookie value holds no ';' and no control character"),
  domain: CookieSchema.shape.domain.regex(DOMAIN, 'a domain is a lower-case host name such as example.org (no scheme, port, path or leading dot)'),
  path: CookieSchema.shape.path.regex(HEADER_SAFE, "a path holds no ';' and no control character"),
});

const ws = { id: WorkspaceIdSchema };

export const CookieListSchema = z.object({
  cookies: z.array(CookieSchema),
  /** The jar's file could not be used as it was (malformed, unreadable): what happened to it. */
  problem: z.string().optional(),
});

/** To be spread into COMMANDS (contract/api.ts) with their handlers in the core. */
export const COOKIE_COMMANDS = {
  /** The workspace's unexpired cookies, by domain, path and name. */
  listCookies: { input: z.strictObject(ws), output: CookieListSchema },
  /** Adds a cookie, or replaces the one of its domain, path and name; `replaces`: an edit that
   * changed one of those, so the cookie it was goes. */
  setCookie: { input: z.strictObject({ ...ws, cookie: EditedCookieSchema, replaces: CookieKeySchema.optional() }), output: z.object({ set: z.literal(true) }) },
  deleteCookie: { input: z.strictObject({ ...ws, key: CookieKeySchema }), output: z.object({ deleted: z.boolean() }) },
  /** Every cookie of the workspace, or one domain's; how many went. */
  clearCookies: { input: z.strictObject({ ...ws, domain: CookieSchema.shape.domain.optional() }), output: z.object({ cleared: z.number().int() }) },
} as const;

/** Pushed when a workspace's cookies changed (an edit, a response that set some): an open view lists them again. */
export const CookiesPushSchema = z.strictObject({ kind: z.literal('cookies'), id: WorkspaceIdSchema });
export type CookiesPush = z.infer<typeof CookiesPushSchema>;
