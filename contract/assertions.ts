// Declarative checks stored with a saved request, which `inetscope run` evaluates against the
// response: status equals / is one of, a header present / equals, a JSON path exists /
// equals, the time below a bound. Strict objects, told apart by `kind`, so a misspelt key in
// a request file is reported with its line rather than dropped. The app checks the same ones
// on an exchange of its history (checkAssertions). Imports nothing of the app but the contract.
import { z } from 'zod';
import { RequestIdSchema } from './request.js';

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
export const MAX_ASSERTIONS = 100;
export const AssertionsSchema = z.array(AssertionSchema).max(MAX_ASSERTIONS);

/** One assertion checked: what it checks as a person reads it ("status equals 200"), and what
 * was expected and what came. */
export const AssertionResultSchema = z.strictObject({
  kind: z.enum(['status', 'header', 'jsonPath', 'time']),
  description: z.string(),
  passed: z.boolean(),
  expected: z.string(),
  actual: z.string(),
});
export type AssertionResult = z.infer<typeof AssertionResultSchema>;

export const ASSERTION_COMMANDS = {
  /** The assertions checked against an exchange of the history (its status, headers, time and
   * stored body), by the code `inetscope run` checks with. A failed exchange has no response
   * to check: NO_RESPONSE. */
  checkAssertions: {
    input: z.strictObject({ id: RequestIdSchema, assertions: AssertionsSchema }),
    output: z.object({ results: z.array(AssertionResultSchema) }),
  },
} as const;
