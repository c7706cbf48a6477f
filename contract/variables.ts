// Variables and environments as the workspace stores them and the page shows them: the
// names `{{name}}` refers to, where each is defined, and the send context that tells the
// core which scopes a request resolves against. Imports nothing of the app.
import { z } from 'zod';

/** A variable's name as `{{name}}` writes it: a letter or _, then letters, digits, _ . - */
export const VariableNameSchema = z.string().regex(/^[A-Za-z_][\w.-]{0,127}$/, 'a variable name starts with a letter or _ and holds letters, digits, _ . - (at most 128)');

/** A saved request's path in the workspace, as a chained variable names its source. */
const SourceRequestSchema = z.string().min(1).max(4096);

/** Where a chained variable takes its value at send time: the latest response of another
 * saved request of the same workspace (its body by a JSONPath, a header, or its status). */
export const ChainFromSchema = z.discriminatedUnion('source', [
  z.strictObject({ request: SourceRequestSchema, source: z.literal('body'), path: z.string().min(1).max(1000) }),
  z.strictObject({ request: SourceRequestSchema, source: z.literal('header'), path: z.string().min(1).max(200) }),
  z.strictObject({ request: SourceRequestSchema, source: z.literal('status') }),
]);
export type ChainFrom = z.infer<typeof ChainFromSchema>;
export type ChainSourceKind = ChainFrom['source'];

export const VariableSchema = z.strictObject({
  name: VariableNameSchema,
  /** A secret's value is never in a workspace file nor shown to the page: here it is ''.
   * A chained variable's (`from`) is unused: ''. */
  value: z.string().max(1024 * 1024),
  /** Stored in the data dir (per user), masked in the UI, left out of exports unless asked. */
  secret: z.boolean().default(false),
  enabled: z.boolean().default(true),
  /** Chained: the value comes from another saved request's latest response. */
  from: ChainFromSchema.optional(),
});
export type Variable = z.infer<typeof VariableSchema>;

export const EnvironmentSchema = z.strictObject({
  name: z.string().min(1).max(200),
  variables: z.array(VariableSchema).default([]),
});
export type Environment = z.infer<typeof EnvironmentSchema>;

/** Where a definition comes from, innermost last: a later scope overrides an earlier one. */
export const ScopeKindSchema = z.enum(['workspace', 'folder', 'environment', 'run']);

/** What sendRequest names so the core can resolve `{{…}}` (it holds the values, secrets too). */
export const SendContextSchema = z.strictObject({
  workspaceId: z.string().min(1).max(200),
  /** The saved request's path in the workspace (its folders' variables apply), if it is one. */
  requestPath: z.string().min(1).max(4096).optional(),
  /** The selected environment's name; none: no environment scope. */
  environment: z.string().min(1).max(200).optional(),
  /** Per-send overrides (the runner's --var), innermost. */
  overrides: z.array(VariableSchema.pick({ name: true, value: true })).max(1000).default([]),
});
export type SendContext = z.infer<typeof SendContextSchema>;

/** One scope's definitions as the resolver takes them, outermost first (workspace, folders
 * from the root down, environment, run overrides). The page gets secrets' values as ''. */
export const VariableLayerSchema = z.strictObject({
  kind: ScopeKindSchema,
  /** What the user calls it: the workspace's name, a folder's path, the environment's name. */
  label: z.string(),
  variables: z.array(VariableSchema),
});
export type VariableLayer = z.infer<typeof VariableLayerSchema>;

/** A variable a resolved request used, and the scope its value came from (history keeps the
 * list; a secret's value is not in it). */
export const UsedVariableSchema = z.strictObject({
  name: VariableNameSchema,
  scope: z.strictObject({ kind: ScopeKindSchema, label: z.string() }),
  secret: z.boolean(),
});
export type UsedVariable = z.infer<typeof UsedVariableSchema>;
