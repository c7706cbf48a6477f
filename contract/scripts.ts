// Postman scripts: pre-request and test scripts stored with a saved request, a folder or the
// workspace, run in postman-sandbox once the user trusts the workspace; what they report
// (pm.test results, errors, console output). Imports nothing of the app.
import { z } from 'zod';

/** A script's source is at most this long (a workspace file holds at most 1 MiB anyway). */
export const MAX_SCRIPT_CHARS = 256 * 1024;

/** The scripts of one level (a request, a folder, the workspace): Postman's "prerequest" and "test" events. */
export const ScriptsSchema = z.strictObject({
  prerequest: z.string().max(MAX_SCRIPT_CHARS).optional(),
  test: z.string().max(MAX_SCRIPT_CHARS).optional(),
});
export type Scripts = z.infer<typeof ScriptsSchema>;

export const ScriptPhaseSchema = z.enum(['prerequest', 'test']);
export type ScriptPhase = z.infer<typeof ScriptPhaseSchema>;

/** One pm.test: passed, failed (with the assertion's message), or not run (the workspace is not trusted). */
export const ScriptTestSchema = z.strictObject({
  name: z.string(),
  status: z.enum(['passed', 'failed', 'not-run']),
  error: z.string().optional(),
});
export type ScriptTest = z.infer<typeof ScriptTestSchema>;

/** A script that threw, timed out or could not run, named by its phase and level ("workspace", "folder a/b", "request"). */
export const ScriptProblemSchema = z.strictObject({ phase: ScriptPhaseSchema, level: z.string(), message: z.string() });
export type ScriptProblem = z.infer<typeof ScriptProblemSchema>;

export const ScriptConsoleSchema = z.strictObject({ phase: ScriptPhaseSchema, level: z.string(), text: z.string() });
export type ScriptConsole = z.infer<typeof ScriptConsoleSchema>;

/** What a send's scripts reported. `skipped`: scripts exist but were not run (why). */
export const ScriptReportSchema = z.strictObject({
  tests: z.array(ScriptTestSchema),
  problems: z.array(ScriptProblemSchema),
  console: z.array(ScriptConsoleSchema),
  skipped: z.string().optional(),
});
export type ScriptReport = z.infer<typeof ScriptReportSchema>;
