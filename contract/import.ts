// Imports into a workspace: a file another tool exported (a Postman collection, a Postman
// environment, an Insomnia export, an OpenAPI document) arrives as an upload token (pickUploadFile, or beginUpload…endUpload) and
// becomes files of the workspace. What cannot be carried over is listed per item, never
// dropped silently. Imports nothing of the app but the contract.
import { z } from 'zod';
import { ItemPathSchema, WorkspaceIdSchema } from './workspace.js';

/** Bigger files are refused before they are read. */
export const MAX_IMPORT_FILE_BYTES = 64 * 1024 * 1024;
/** A collection with more requests is refused (the tree lists at most 10 000 items). */
export const MAX_IMPORT_REQUESTS = 10_000;

/** Something the import could not carry over, on the item it concerns (a request's or folder's path). */
export const ImportNoteSchema = z.strictObject({ path: ItemPathSchema, note: z.string() });
export type ImportNote = z.infer<typeof ImportNoteSchema>;

const fileToken = z.string().min(1).max(200);

export const IMPORT_COMMANDS = {
  /** A Postman collection (v2.0/v2.1), an Insomnia v4 export or an OpenAPI 3 / Swagger 2
   * document becomes a folder (named after
   * it) in `folder` (absent: the workspace root): its folders as folders, each request a file,
   * its variables in the folder's folder.yaml (Insomnia's sub-environments: environments). */
  importCollection: {
    input: z.strictObject({ id: WorkspaceIdSchema, fileToken, folder: ItemPathSchema.optional() }),
    output: z.object({ folder: ItemPathSchema, requests: z.number().int(), notes: z.array(ImportNoteSchema) }),
  },
  /** A Postman environment becomes an environment of the workspace (secret values go to the
   * secrets store, never into workspace.yaml). */
  importEnvironment: {
    input: z.strictObject({ id: WorkspaceIdSchema, fileToken }),
    output: z.object({ environment: z.string(), variables: z.number().int(), notes: z.array(ImportNoteSchema) }),
  },
} as const;
