// Where sendRequest's `{{variables}}` come from: a VariableSource gives the scopes of a send
// context (the workspace service implements it); resolveSent resolves a sent request once,
// before it becomes an engine request, and turns problems into the command's failure. Chained
// variables take their values from `responses` (the history, or a run's own), read first.
import { SentRequestSchema, type SentRequest } from '../contract/request.js';
import type { SendContext, UsedVariable, VariableLayer } from '../contract/variables.js';
import type { SecretValue } from '../domain/secret-mask.js';
import type { ClientCert } from '../engine/request-spec.js';
import { BUILTINS, resolveRequest, type ResolveProblem } from '../domain/variables.js';
import { chainLookup, type ChainResponses } from './chain/chain-values.js';
import { CommandFailure } from './command-failure.js';
import { firstIssue } from '../contract/zod-issue.js';

export interface VariableSource {
  /** The context's scopes, outermost first (workspace, folders, environment, overrides);
   * throws a CommandFailure naming what the context names that does not exist. */
  layersFor(ctx: SendContext): Promise<VariableLayer[]>;
  /** The context's client certificate for the URL's host (a workspace's per-host list), if any. */
  clientCertFor?(ctx: SendContext, url: string): Promise<ClientCert | undefined>;
}

export interface ResolvedSend {
  request: SentRequest;
  used: UsedVariable[];
  /** Each used secret's resolved value, so exports can mask it (kept in history only). */
  secrets: SecretValue[];
}

/** The failure's code: a cycle outranks an undefined name, then an unsent chain's source, a
 * chain that failed, a bound. */
function failureCode(problems: readonly ResolveProblem[]): string {
  for (const code of ['VARIABLE_CYCLE', 'UNDEFINED_VARIABLE', 'NEEDS_RESPONSE', 'CHAIN_FAILED'] as const) if (problems.some((p) => p.code === code)) return code;
  return 'VARIABLE_LIMIT';
}

/** The request with its variables resolved in the context's scopes (no context: built-ins only). */
export async function resolveSent(sent: SentRequest, context: SendContext | undefined, source: VariableSource | undefined, responses?: ChainResponses): Promise<ResolvedSend> {
  if (context && !source) throw new CommandFailure('UNKNOWN_WORKSPACE', `no workspace ${JSON.stringify(context.workspaceId)} is open (this core has no workspaces)`);
  const layers = context && source ? await source.layersFor(context) : [];
  const chained = context && responses ? await chainLookup(sent, layers, context.workspaceId, responses) : undefined;
  const r = resolveRequest(sent, layers, BUILTINS, chained);
  if (!r.ok) throw new CommandFailure(failureCode(r.problems), `Not sent: ${r.problems.map((p) => p.message).join('; ')}.`);
  // Parsed again: a value can make what the contract refuses (an empty part name).
  const parsed = SentRequestSchema.safeParse(r.request);
  if (!parsed.success) {
    const { where, message } = firstIssue(parsed.error, 'input');
    throw new CommandFailure('BAD_REQUEST', `after its variables are resolved, the request's ${where} is refused: ${message}`);
  }
  return { request: parsed.data, used: r.used, secrets: r.secrets };
}
