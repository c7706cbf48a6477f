// Chained variables within `inetscope run`: the run's own latest responses are their source
// (not the app's history). It knows which requests of the plan are sources, keeps what a
// chain reads of their responses (status, headers, a body up to MAX_CHAIN_BODY_BYTES, in
// memory: the body file is removed after each request), and names each request's sources.
import fs from 'node:fs/promises';
import type { FinishedEvent, InetEvent } from '../../contract/events.js';
import { SentRequestSchema } from '../../contract/request.js';
import { parseHeaderBlock } from '../../domain/har/text.js';
import { chainsUsed, type ChainResponses } from '../chain/chain-values.js';
import { MAX_CHAIN_BODY_BYTES, type ChainResponse } from '../chain/extract.js';
import { CommandFailure } from '../command-failure.js';
import type { PlannedRequest, RunPlan } from './run-plan.js';

export class RunChains {
  private readonly kept = new Map<string, ChainResponse>();
  /** Every request path a chained variable of the plan names. */
  private readonly sources = new Set<string>();
  private readonly byPath = new Map<string, PlannedRequest>();

  constructor(plan: RunPlan) {
    for (const r of plan.requests) {
      this.byPath.set(r.path, r);
      for (const layer of r.layers) for (const v of layer.variables) if (v.enabled && v.from) this.sources.add(v.from.request);
    }
  }

  /** The run's responses as a chain's source. */
  readonly responses: ChainResponses = { latest: (_workspace, path) => Promise.resolve(this.kept.get(path)) };

  /** The planned requests `request`'s chained variables take values from (a request that
   * cannot be parsed has none here: its own send names the problem). */
  sourcesOf(request: PlannedRequest): PlannedRequest[] {
    if (this.sources.size === 0) return [];
    const sent = SentRequestSchema.safeParse(request.saved.request);
    if (!sent.success) return [];
    const paths = new Set(chainsUsed(sent.data, request.layers).map((u) => u.from.request));
    return [...paths].flatMap((p) => this.byPath.get(p) ?? []);
  }

  /** Keeps what a chain reads of a source request's response (before its body file goes). */
  async keep(path: string, events: readonly InetEvent[], finished: FinishedEvent, bodyFile: string): Promise<void> {
    if (!this.sources.has(path) || finished.statusCode === undefined) return;
    const head = [...events].reverse().find((e) => e.type === 'headers');
    const headers = head?.type === 'headers' ? parseHeaderBlock(head.rawHeaders).headers : [];
    const bodyBytes = finished.bodyBytes;
    const body = bodyBytes <= MAX_CHAIN_BODY_BYTES ? await fs.readFile(bodyFile).catch(() => Buffer.alloc(0)) : undefined;
    this.kept.set(path, {
      status: finished.statusCode,
      headers,
      bodyBytes,
      readBody: () => (body ? Promise.resolve(body) : Promise.reject(new CommandFailure('TOO_LARGE', `it is ${bodyBytes} bytes`))),
    });
  }
}
