// A cookie as the jar stores it and the page shows it: RFC 6265's fields, nothing of a
// library's own shape. Imports nothing of the app.
import { z } from 'zod';

export const CookieSchema = z.strictObject({
  name: z.string().max(4096),
  value: z.string().max(16 * 1024),
  /** Lower-case host name or domain, without a leading dot. */
  domain: z.string().min(1).max(253),
  path: z.string().startsWith('/').max(4096),
  /** Milliseconds since the epoch; absent: a session cookie (kept until the jar is cleared). */
  expires: z.number().optional(),
  secure: z.boolean(),
  httpOnly: z.boolean(),
  /** Sent to that exact host only (no Domain attribute), else to the domain and its subdomains. */
  hostOnly: z.boolean(),
  sameSite: z.enum(['strict', 'lax', 'none']).optional(),
});
export type Cookie = z.infer<typeof CookieSchema>;

/** Which cookie: the jar holds one per (domain, path, name). */
export const CookieKeySchema = CookieSchema.pick({ domain: true, path: true, name: true });
export type CookieKey = z.infer<typeof CookieKeySchema>;

/** What one Set-Cookie header did to the jar. */
export const CookieOutcomeSchema = z.strictObject({
  name: z.string(),
  domain: z.string(),
  path: z.string(),
  stored: z.boolean(),
  /** Why it was not stored (RFC 6265's rules: another domain, a public suffix, expired…). */
  reason: z.string().optional(),
});
export type CookieOutcome = z.infer<typeof CookieOutcomeSchema>;
