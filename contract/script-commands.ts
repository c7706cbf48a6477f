// The commands of workspace trust and script reports (contract/scripts.ts), spread into
// COMMANDS (contract/api.ts) with their handlers in the core. Imports nothing of the app.
import { z } from 'zod';
import { RequestIdSchema } from './request.js';
import { ScriptReportSchema } from './scripts.js';
import { ItemPathSchema, WorkspaceIdSchema } from './workspace.js';

const ws = { id: WorkspaceIdSchema };

export const SCRIPT_COMMANDS = {
  /** Whether the workspace's scripts may run (remembered per user in the data dir, never in
   * the folder), and whether a request there (or its folders, or the workspace) has scripts. */
  workspaceTrust: {
    input: z.strictObject({ ...ws, requestPath: ItemPathSchema.optional() }),
    output: z.object({ trusted: z.boolean(), hasScripts: z.boolean() }),
  },
  setWorkspaceTrust: { input: z.strictObject({ ...ws, trusted: z.boolean() }), output: z.object({ trusted: z.boolean() }) },
  /** The script report of a send (kept for the last sends of this session); none: it had no scripts. */
  scriptReport: { input: z.strictObject({ id: RequestIdSchema }), output: z.object({ report: ScriptReportSchema.optional() }) },
} as const;
