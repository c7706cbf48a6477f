// Exports of a workspace (or one folder of it) for other tools: a Postman v2.1 collection, a
// HAR 1.2 file of its saved requests, a Postman environment. The core writes the file where
// the shell's save dialog says (browser mode: the downloads folder); the page never names a
// path. Secret values are left out ('' in Postman files, {{name}} in HAR text) unless
// includeSecrets. Imports nothing of the app but the contract.
import { z } from 'zod';
import { EnvironmentSchema } from './variables.js';
import { ItemPathSchema, WorkspaceIdSchema } from './workspace.js';

/** Something the export could not say in the other format, on the item it concerns. */
export const ExportNoteSchema = z.strictObject({ path: ItemPathSchema, note: z.string() });
export type ExportNote = z.infer<typeof ExportNoteSchema>;

const saved = z.union([
  z.object({ saved: z.literal(true), path: z.string(), requests: z.number().int(), bytes: z.number().int(), notes: z.array(ExportNoteSchema) }),
  z.object({ saved: z.literal(false) }),
]);

export const EXPORT_COMMANDS = {
  /** The workspace (folder absent or '') or one folder of it, as a Postman v2.1 collection
   * (folders as item groups, variables as collection and folder variables) or as HAR 1.2
   * (one entry per saved request in collection order, resolved against `environment`, with
   * its latest response from the history where there is one). */
  exportCollection: {
    input: z.strictObject({
      id: WorkspaceIdSchema,
      folder: ItemPathSchema.optional(),
      format: z.enum(['postman', 'har']),
      environment: EnvironmentSchema.shape.name.optional(),
      includeSecrets: z.boolean().default(false),
    }),
    output: saved,
  },
  /** One environment of the workspace as a Postman environment file. */
  exportEnvironment: {
    input: z.strictObject({ id: WorkspaceIdSchema, environment: EnvironmentSchema.shape.name, includeSecrets: z.boolean().default(false) }),
    output: z.union([z.object({ saved: z.literal(true), path: z.string(), variables: z.number().int(), bytes: z.number().int() }), z.object({ saved: z.literal(false) })]),
  },
} as const;
