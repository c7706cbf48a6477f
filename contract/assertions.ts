// Declarative checks stored with a saved request, which `inetscope run` evaluates against the
// response: status equals / is one of, a header present / equals, a JSON path exists /
// equals, the time below a bound. Strict objects, told apart by `kind`, so a misspelt key in
// a request file is reported with its line rather than dropped. Imports nothing of the app.
import { z } from 'zod';

const Status = z.number().int().min(100).max(999);

export const AssertionSchema = z.discriminatedUnion('kind', [
  z
    .strictObject({ kind: z.literal('status'), equals: Status.optional(), oneOf: z.array(Status).min(1).max(100).optional() })
    .refine((a) => (a.equals === undefined) !== (a.oneOf === undefined), 'a status assertion has either equals or oneOf'),
  /** Without equals: the header is present. The name is matched case-insensitively. */
  z.strictObject({ kind: z.literal('header'), name: z.string().min(1).max(200), equals: z.string().max(64 * 1024).optional() }),
  /** Without equals: the path matches at least one value. With it: its first match equals this JSON value. */
  z.strictObject({ kind: z.literal('jsonPath'), path: z.string().min(1).max(1000), equals: z.json().optional() }),
  /** The whole exchange (every redirect hop) took less than this. */
  z.strictObject({ kind: z.literal('time'), belowMs: z.number().int().positive().max(24 * 3600 * 1000) }),
]);
export type Assertion = z.infer<typeof AssertionSchema>;

/** A request's assertions, at most this many. */
export const AssertionsSchema = z.array(AssertionSchema).max(100);
