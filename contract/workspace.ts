// Workspaces as the page sees them: a folder on disk of saved requests (one file each,
// folders as folders) with a workspace file (name, variables, environments). Paths here
// are relative to the workspace root, '/'-separated, never absolute: the page never names a
// place on disk. Imports nothing of the app but the contract.
import { z } from 'zod';
import { AssertionsSchema } from './assertions.js';
import { RequestDraftSchema } from './request.js';
import { ScriptsSchema } from './scripts.js';
import { EnvironmentSchema, VariableNameSchema, VariableSchema } from './variables.js';

export const WorkspaceIdSchema = z.string().min(1).max(200);

/** A path inside a workspace: segments without '..', '.', '\\' or a leading '/'; '' is the root. */
export const ItemPathSchema = z
  .string()
  .max(4096)
  .refine((p) => p === '' || p.split('/').every((s) => s !== '' && s !== '.' && s !== '..' && !s.includes('\\')), 'a workspace path is relative, /-separated, without . or .. segments');

/** What a saved request's version is: a hash of its file's bytes, so a save can tell a change on disk. */
export const VersionSchema = z.string().min(1).max(128);

/** A name as the user types it (a request's, a folder's); the store derives a portable file name. */
export const ItemNameSchema = z.string().trim().min(1, 'a name cannot be empty').max(200);

/** A saved request: its name, the request as a template ({{variables}} unresolved), and
 * the file-only settings. Session-only tokens (picked files, CA file) are not saved. */
export const SavedRequestSchema = z.strictObject({
  name: ItemNameSchema,
  request: RequestDraftSchema,
  /** Order among its siblings in the tree (lower first); absent: after the ordered ones, by name. */
  seq: z.number().int().min(0).optional(),
  /** What `inetscope run` checks in the response (contract/assertions.ts); absent: none. */
  assertions: AssertionsSchema.optional(),
  /** Postman pre-request and test scripts (contract/scripts.ts): run only in a trusted workspace. */
  scripts: ScriptsSchema.optional(),
});
export type SavedRequest = z.infer<typeof SavedRequestSchema>;

/** The workspace file. */
/**
 * A client certificate for one host (curl's -E for every request there): used by a request
 * sent in the workspace whose URL's host (and port, when given) matches and that has none of
 * its own. The password is a variable's value, so a secret variable keeps it out of the file.
 */
export const HostClientCertSchema = z.strictObject({
  /** host or host:port as in a URL (IPv6 in brackets), case-insensitive; no port: every port. */
  host: z
    .string()
    .max(300)
    .regex(/^(?:[^\s/:@[\]]+|\[[0-9A-Fa-f:.]+\])(?::\d{1,5})?$/, 'a client certificate host is host or host:port'),
  /** The certificate file, relative to the workspace folder or absolute. */
  cert: z.string().min(1).max(4096),
  /** PEM only: the key file, when it is not in the certificate file. */
  key: z.string().min(1).max(4096).optional(),
  type: z.enum(['PEM', 'P12']).default('PEM'),
  /** The name of the variable that holds the password. */
  passwordVariable: z.string().min(1).max(200).optional(),
});
export type HostClientCert = z.infer<typeof HostClientCertSchema>;

export const WorkspaceFileSchema = z.strictObject({
  name: ItemNameSchema,
  variables: z.array(VariableSchema).default([]),
  environments: z.array(EnvironmentSchema).default([]),
  /** Scripts run before (pre-request) and after (test) those of every folder and request. */
  scripts: ScriptsSchema.optional(),
  /** Client certificates by host (HostClientCertSchema). */
  clientCerts: z.array(HostClientCertSchema).max(200).optional(),
});
export type WorkspaceFile = z.infer<typeof WorkspaceFileSchema>;

/** A folder's own file (optional): its variables, its place among its siblings, its scripts
 * (run after the workspace's and outer folders', before its requests'). */
export const FolderFileSchema = z.strictObject({
  variables: z.array(VariableSchema).default([]),
  seq: z.number().int().min(0).optional(),
  scripts: ScriptsSchema.optional(),
});

export const TreeItemSchema = z.discriminatedUnion('kind', [
  z.strictObject({ kind: z.literal('folder'), path: ItemPathSchema, name: z.string() }),
  z.strictObject({ kind: z.literal('request'), path: ItemPathSchema, name: z.string(), method: z.string(), url: z.string(), version: VersionSchema }),
]);
export type TreeItem = z.infer<typeof TreeItemSchema>;

/** A file the store could not read: named with its line and field, skipped, never rewritten. */
export const WorkspaceProblemSchema = z.strictObject({
  path: z.string(),
  line: z.number().int().min(1).optional(),
  field: z.string().optional(),
  message: z.string(),
});
export type WorkspaceProblem = z.infer<typeof WorkspaceProblemSchema>;

export const WorkspaceInfoSchema = z.strictObject({
  id: WorkspaceIdSchema,
  name: z.string(),
  /** Where it is, for the user to read (the page never sends it back). */
  location: z.string(),
  readOnly: z.boolean(),
});
export type WorkspaceInfo = z.infer<typeof WorkspaceInfoSchema>;

/** The whole tree in collection order (a folder before its contents, siblings by seq then name). */
export const WorkspaceTreeSchema = z.strictObject({
  info: WorkspaceInfoSchema,
  variables: z.array(VariableSchema),
  environments: z.array(EnvironmentSchema),
  /** Folder variables by folder path. */
  folderVariables: z.record(z.string(), z.array(VariableSchema)),
  items: z.array(TreeItemSchema),
  problems: z.array(WorkspaceProblemSchema),
});
export type WorkspaceTree = z.infer<typeof WorkspaceTreeSchema>;

/** A tab's link to the saved request it edits: a save writes there, if the file is still at `version`. */
export const SavedRefSchema = z.strictObject({ workspaceId: WorkspaceIdSchema, path: ItemPathSchema, version: VersionSchema });
export type SavedRef = z.infer<typeof SavedRefSchema>;

/** Pushed when a workspace changed (in the app or on disk: a git pull, another editor). */
export const WorkspacePushSchema = z.strictObject({ kind: z.literal('workspace'), tree: WorkspaceTreeSchema });

/** A stored secret in one saveVariables call: in an environment (by name), else in the
 * call's folder (or the workspace). */
export const SecretRefSchema = z.strictObject({ name: VariableNameSchema, environment: EnvironmentSchema.shape.name.optional() });
export type SecretRef = z.infer<typeof SecretRefSchema>;

const empty = z.object({}).strict();
const ws = { id: WorkspaceIdSchema };
const moved = z.object({ path: ItemPathSchema });

/** Workspaces (contract/workspace.ts): named by id, their items by path inside them. */
// To be spread into COMMANDS (contract/api.ts) with their handlers in the core.
export const WORKSPACE_COMMANDS = {
  /** The open workspaces (the default one first) and the recently opened ones not open now. */
  listWorkspaces: { input: empty, output: z.object({ open: z.array(WorkspaceInfoSchema), recent: z.array(WorkspaceInfoSchema) }) },
  /** A folder from the shell's folder dialog (Electron), or a recent or configured one by id
   * (browser mode opens only folders given on its command line or in its settings). */
  openWorkspace: {
    input: z.union([z.strictObject({ choose: z.literal('dialog') }), z.strictObject(ws)]),
    output: z.union([z.object({ opened: z.literal(true), info: WorkspaceInfoSchema }), z.object({ opened: z.literal(false) })]),
  },
  closeWorkspace: { input: z.strictObject(ws), output: z.object({ closed: z.boolean() }) },
  workspaceTree: { input: z.strictObject(ws), output: WorkspaceTreeSchema },
  loadSavedRequest: { input: z.strictObject({ ...ws, path: ItemPathSchema }), output: z.object({ saved: SavedRequestSchema, version: VersionSchema }) },
  /** Over an existing request: only while its file is still at baseVersion (else CONFLICT
   * naming the file), unless overwrite (the user chose to). Or a new request in a folder. */
  saveRequest: {
    input: z.union([
      z.strictObject({ ...ws, path: ItemPathSchema, baseVersion: VersionSchema, overwrite: z.boolean().default(false), saved: SavedRequestSchema }),
      z.strictObject({ ...ws, folder: ItemPathSchema, saved: SavedRequestSchema }),
    ]),
    output: z.object({ path: ItemPathSchema, version: VersionSchema }),
  },
  createFolder: { input: z.strictObject({ ...ws, parent: ItemPathSchema, name: ItemNameSchema }), output: moved },
  renameItem: { input: z.strictObject({ ...ws, path: ItemPathSchema, name: ItemNameSchema }), output: moved },
  duplicateItem: { input: z.strictObject({ ...ws, path: ItemPathSchema }), output: moved },
  /** Into another folder (or the same), at `seq` among its new siblings (absent: last). */
  moveItem: { input: z.strictObject({ ...ws, path: ItemPathSchema, toFolder: ItemPathSchema, seq: z.number().int().min(0).optional() }), output: moved },
  /** Moved aside (not erased) so undoDelete can bring it back, this session. */
  deleteItem: { input: z.strictObject({ ...ws, path: ItemPathSchema }), output: z.object({ undoToken: z.string() }) },
  undoDelete: { input: z.strictObject({ undoToken: z.string().min(1).max(200) }), output: moved },
  /** The variables of the workspace (no folder) or of a folder, and the environments. A
   * secret's value is set with setSecret; '' here leaves the stored secret as it is. `carry`
   * moves stored secrets the page cannot hold along a rename or a copy (an environment's,
   * a variable's). The secrets of an environment no longer listed are dropped. */
  saveVariables: {
    input: z.strictObject({
      ...ws,
      folder: ItemPathSchema.optional(),
      variables: z.array(VariableSchema).max(10_000),
      environments: z.array(EnvironmentSchema).max(1000).optional(),
      carry: z.array(z.strictObject({ from: SecretRefSchema, to: SecretRefSchema })).max(10_000).optional(),
    }),
    output: WorkspaceTreeSchema,
  },
  /** A secret variable's value, stored outside the workspace folder (per user), for the
   * scope that defines it: an environment (by name), else a folder (by path), else the workspace. */
  setSecret: {
    input: z.strictObject({ ...ws, name: VariableNameSchema, value: z.string().max(1024 * 1024), folder: ItemPathSchema.optional(), environment: EnvironmentSchema.shape.name.optional() }),
    output: z.object({ set: z.literal(true) }),
  },
} as const;
