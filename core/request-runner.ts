// sendRequest / cancelRequest: a RequestDraft from the UI becomes an engine request whose
// body streams into the body store, whose events go to the push batcher, and whose end
// is written to history.
import type { RequestDraft } from '../contract/api.js';
import type { InetEventDto } from '../contract/events.js';
import type { InetEvent } from '../native-bridge/events.js';
import { resolveEngine } from '../native-bridge/host-launch.js';
import { BadRequestSpec, parseRequestSpec, type RequestSpec, type RequestSpecInput } from '../native-bridge/request-spec.js';
import type { BodyStore } from './body-store.js';
import { CommandFailure, type Log } from './command-failure.js';
import type { EngineSessions } from './engine-sessions.js';
import type { HistoryStore } from './history-store.js';
import type { PushBatcher } from './push-batcher.js';
import type { SettingsStore } from './settings-store.js';
import type { Uploads } from './uploads.js';

export interface RunnerDeps {
  sessions: EngineSessions;
  bodies: BodyStore;
  history: HistoryStore;
  uploads: Uploads;
  settings: SettingsStore;
  batcher: PushBatcher;
  log: Log;
}

export class RequestRunner {
  /** Requests not yet recorded in history (close waits for them). */
  private readonly open = new Set<Promise<void>>();

  constructor(private readonly d: RunnerDeps) {}

  /** Validates and starts the request; resolves before it finishes. */
  send(id: string, draft: RequestDraft): { accepted: true } {
    if (this.d.sessions.has(id) || this.d.history.has(id)) throw new CommandFailure('DUPLICATE_ID', `request id ${id} was already used`);
    const engine = resolveEngine(draft.engine === 'auto' ? this.d.settings.get().defaultEngine : draft.engine);
    const spec = parseSpec(draftToSpec(draft, this.d.uploads, this.d.bodies.pathFor(id)));
    const sentAt = Date.now();
    const events: InetEventDto[] = [];
    this.d.bodies.begin(id);
    const onEvent = (e: InetEvent): void => {
      events.push(e as InetEventDto);
      // The finished event is pushed only once history and the body store know the
      // request is over, so a UI reacting to it finds both up to date.
      if (e.type !== 'finished') this.d.batcher.add(e as InetEventDto);
    };
    const done = this.d.sessions
      .run(engine, id, spec, onEvent)
      .then((finished) => this.record(id, draft, engine, sentAt, events).then(() => this.d.batcher.add(finished as InetEventDto)))
      .catch((e: Error) => this.d.log(`request ${id}: ${e.message}`))
      .finally(() => this.open.delete(done));
    this.open.add(done);
    return { accepted: true };
  }

  cancel(id: string): { cancelled: boolean } {
    return { cancelled: this.d.sessions.cancel(id) };
  }

  async idle(): Promise<void> {
    await Promise.allSettled([...this.open]);
  }

  private async record(id: string, request: RequestDraft, engine: string, sentAt: number, events: InetEventDto[]): Promise<void> {
    await this.d.bodies.finish(id).catch((e: Error) => this.d.log(`body store: ${e.message}`));
    const started = events.find((e) => e.type === 'started');
    const finished = events[events.length - 1];
    const summary = {
      id,
      method: request.method,
      url: request.url,
      engine,
      startedAt: started?.type === 'started' ? started.wallTime : sentAt,
      ...(finished?.type === 'finished' ? { ok: finished.ok, statusCode: finished.statusCode, bodyBytes: finished.bodyBytes } : {}),
    };
    await this.d.history.append({ summary, request, events });
  }
}

/** Enabled headers only; text bodies as UTF-8; a file body by its picked path. */
export function draftToSpec(draft: RequestDraft, uploads: Uploads, sinkPath: string): RequestSpecInput {
  const b = draft.body;
  const body =
    b.kind === 'text' ? { kind: 'memory' as const, base64: Buffer.from(b.text, 'utf8').toString('base64') }
    : b.kind === 'base64' ? { kind: 'memory' as const, base64: b.base64 }
    : b.kind === 'file' ? { kind: 'file' as const, path: uploads.pathFor(b.fileToken) }
    : undefined;
  return {
    url: draft.url,
    method: draft.method,
    headers: draft.headers.filter((h) => h.enabled).map((h): [string, string] => [h.name, h.value]),
    ...(body ? { body } : {}),
    sink: { kind: 'file', path: sinkPath },
    followRedirects: draft.followRedirects,
    maxRedirects: draft.maxRedirects,
    timeouts: draft.timeouts,
    ...(draft.proxy ? { proxy: draft.proxy } : {}),
    insecure: draft.insecure,
  };
}

function parseSpec(input: RequestSpecInput): RequestSpec {
  try {
    return parseRequestSpec(input);
  } catch (e) {
    if (e instanceof BadRequestSpec) throw new CommandFailure('BAD_REQUEST', e.message);
    throw e;
  }
}
