// The chained variables a send reaches, looked up before resolution: a dry resolution names
// the ones the request's fields reach (directly or through other values), so an unused chain
// costs nothing and an unsent source refuses only the requests that need it; each source
// request's latest response is fetched once, its body read once.
import type { RequestDraft } from '../../contract/request.js';
import type { ChainFrom, VariableLayer } from '../../contract/variables.js';
import { BUILTINS, resolveRequest, type ChainLookup, type ChainValue } from '../../domain/variables.js';
import { needsResponseMessage } from '../../domain/chain.js';
import { extractChained, type ChainResponse } from './extract.js';

/** Where a chain's source responses come from: the app's history, or a run's own. */
export interface ChainResponses {
  /** The latest response of the saved request at `path` in the workspace; undefined: none yet. */
  latest(workspaceId: string, path: string): Promise<ChainResponse | undefined>;
}

export interface ChainUse {
  name: string;
  from: ChainFrom;
}

const hasChains = (layers: readonly VariableLayer[]): boolean => layers.some((l) => l.variables.some((v) => v.enabled && v.from));

/** The chained variables `request` reaches in `layers`, each once, in the order reached. */
export function chainsUsed(request: RequestDraft, layers: readonly VariableLayer[]): ChainUse[] {
  if (!hasChains(layers)) return [];
  const uses = new Map<string, ChainUse>();
  resolveRequest(request, layers, BUILTINS, (name, from) => {
    uses.set(name, { name, from });
    return { value: '' };
  });
  return [...uses.values()];
}

/** The lookup resolveRequest takes: every chain the request reaches, its value read now. */
export async function chainLookup(request: RequestDraft, layers: readonly VariableLayer[], workspaceId: string, responses: ChainResponses): Promise<ChainLookup | undefined> {
  const uses = chainsUsed(request, layers);
  if (uses.length === 0) return undefined;
  const bySource = new Map<string, Promise<ChainResponse | undefined>>();
  const values = new Map<string, ChainValue>();
  for (const { name, from } of uses) {
    let latest = bySource.get(from.request);
    if (!latest) bySource.set(from.request, (latest = responses.latest(workspaceId, from.request).then((r) => r && onceBody(r))));
    const response = await latest;
    values.set(name, response ? await extractChained(name, from, response) : { code: 'NEEDS_RESPONSE', message: needsResponseMessage(name, from.request) });
  }
  return (name, from) => values.get(name) ?? { code: 'NEEDS_RESPONSE', message: needsResponseMessage(name, from.request) };
}

/** Two variables from one body read it once. */
function onceBody(r: ChainResponse): ChainResponse {
  let body: Promise<Buffer> | undefined;
  return { ...r, readBody: () => (body ??= r.readBody()) };
}
