// How a refusal by a schema is told: its first problem, where (the field's path) and what.
// Each trust boundary says it in its own sentence around these two parts.
import type { z } from 'zod';

/** The first problem of a zod error: its path joined with '.' (`whole` when the value itself is wrong) and its message. */
export function firstIssue(error: z.ZodError, whole: string): { where: string; message: string } {
  const issue = error.issues[0];
  return { where: issue?.path.length ? issue.path.map(String).join('.') : whole, message: issue?.message ?? 'invalid' };
}

/** "where: what" of a zod error's first problem. */
export function issueText(error: z.ZodError, whole: string): string {
  const { where, message } = firstIssue(error, whole);
  return `${where}: ${message}`;
}
