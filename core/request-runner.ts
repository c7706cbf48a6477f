// sendRequest / cancelRequest: a request the contract parsed (SentRequest) becomes an engine
// request whose body streams into the body store, whose events go to the push batcher, and
// whose end is written to history. What the contract's shape cannot say (the URL, the
// method and headers as HTTP tokens) is checked once, by the conversion (engine-request.ts);
// the CA file by the engine client, which routes by it.
import crypto from 'node:crypto';
import fs from 'node:fs/promises';
import type { RequestDraft, SentRequest } from '../contract/request.js';
import type { FinishedEvent, InetEvent } from '../contract/events.js';
import { resolveEngine } from '../engine/host-launch.js';
import { BadRequestSpec, type ValidRequestSpec } from '../engine/request-spec.js';
import { sendableDraft, toEngineRequest } from './engine-request.js';
import type { BodyStore } from './body-store.js';
import { prepareBody, type PreparedBody } from './request-body.js';
import { CommandFailure, type Log } from './command-failure.js';
import type { EngineSessions } from './engine-sessions.js';
import type { HistoryStore, HistorySummary } from './history-store.js';
import type { PushBatcher } from './push-batcher.js';
import type { SettingsStore } from './settings-store.js';
import type { Uploads } from './uploads.js';
import { resolveSent, type VariableSource } from './variable-source.js';
import { historyResponses } from './chain/history-responses.js';
import type { SendContext, UsedVariable } from '../contract/variables.js';
import type { SecretValue } from '../domain/secret-mask.js';
import type { CookieJars } from '../domain/cookies/port.js';
import { sendFollowing, type FollowedRequest } from '../engine/hop-follower.js';
import type { AfterResponse, ScriptService } from './scripts/script-service.js';
import { withoutProxyPassword } from '../domain/proxy-draft.js';
import type { OAuthTokens } from './oauth/oauth-tokens.js';
import { withOAuthHeader } from './oauth/apply-auth.js';
import { MAX_TOKEN_RESPONSE_BYTES, tokenSecretsOf } from './oauth/token-response.js';

/** What was sent (resolved) and the variables it used: history's record of it. */
interface SentRecord {
  request: RequestDraft;
  used: UsedVariable[];
  secrets: SecretValue[];
  /** The saved request it was sent from (chained variables read its latest response). */
  saved?: HistorySummary['saved'];
  /** A token request: the request it got a token for. */
  tokenRequest?: HistorySummary['tokenRequest'];
  /** Secrets the response body carries (a token response's tokens), read before it is recorded. */
  responseSecrets?(bodyPath: string): Promise<SecretValue[]>;
}



export interface RunnerDeps {
  sessions: EngineSessions;
  bodies: BodyStore;
  history: HistoryStore;
  uploads: Uploads;
  settings: SettingsStore;
  batcher: PushBatcher;
  log: Log;
  /** The workspaces' variables; absent: a send with a context is refused UNKNOWN_WORKSPACE. */
  variables?: VariableSource;
  /** The workspaces' cookie jars: a send with a context follows its redirects hop by hop through its jar. */
  cookies?: CookieJars;
  /** Postman scripts around a send (core/scripts/script-service.ts); absent: none run. */
  scripts?: ScriptService;
  /** OAuth 2.0 tokens (core/oauth); absent: a request with oauth2 auth is refused. */
  oauth?: OAuthTokens;
}

export class RequestRunner {
  /** Requests not yet recorded in history (close waits for them). */
  private readonly open = new Set<Promise<void>>();
  /** Ids between send's check and the engine taking them (a multipart build is async). */
  private readonly reserved = new Set<string>();
  /** Requests whose redirects InetScope follows: a cancel goes to the chain. */
  private readonly chains = new Map<string, FollowedRequest>();

  constructor(private readonly d: RunnerDeps) {}

  /** Validates and starts the request; resolves before it finishes (after a multipart
   * body is built, so a bad part is refused here rather than becoming a failed request). */
  async send(id: string, sent: SentRequest, context?: SendContext, withoutScripts = false): Promise<{ accepted: true; engineStarting?: string }> {
    if (this.reserved.has(id) || this.d.history.has(id)) throw new CommandFailure('DUPLICATE_ID', `request id ${id} was already used`);
    this.reserved.add(id);
    let body: PreparedBody | undefined;
    try {
      // Pre-request scripts run on the template, before its variables are resolved.
      const prepared = this.d.scripts ? await this.d.scripts.prepare(id, sent, context, withoutScripts, this.d.variables) : { sent, variables: this.d.variables };
      // Once, before anything else: what is checked and sent is the resolved request.
      const resolved = await resolveSent(prepared.sent, context, prepared.variables, historyResponses(this.d.history, this.d.bodies));
      const draft = await withOAuthHeader(sendableDraft(resolved.request), this.d.oauth, context?.workspaceId, (d) => this.exchange(d, id), resolved.secrets);
      // The workspace's certificate for the host, for a request without one of its own.
      const hostCert = !draft.clientCert && context ? await this.d.variables?.clientCertFor?.(context, draft.url) : undefined;
      const engine = resolveEngine(draft.engine === 'auto' ? this.d.settings.get().defaultEngine : draft.engine);
      body = await prepareBody(draft, this.d.uploads);
      // A staged CA file is used once, like a staged body (a picked one stays).
      if (draft.caFileToken) body.stagedTokens.push(draft.caFileToken);
      for (const t of [draft.clientCert?.certToken, draft.clientCert?.keyToken]) if (t) body.stagedTokens.push(t);
      const spec = toEngineRequest(draft, this.d.uploads, this.d.bodies.pathFor(id), body, hostCert);
      // Asked before start() creates the session: a first request finds its host not yet up.
      const starting = this.d.sessions.starting(engine);
      const saved = context?.requestPath ? { saved: { workspaceId: context.workspaceId, path: context.requestPath } } : {};
      this.start(id, { request: draft, used: resolved.used, secrets: withCertPassword(resolved.secrets, hostCert?.password ?? draft.clientCert?.password), ...saved }, engine, spec, body, context, prepared.after);
      return { accepted: true, ...(starting ? { engineStarting: engine } : {}) };
    } catch (e) {
      this.reserved.delete(id);
      await this.cleanup(body);
      // A CA file the client cannot use (missing, no certificate) is refused by name.
      throw e instanceof BadRequestSpec ? new CommandFailure('BAD_REQUEST', e.message) : e;
    }
  }

  /** A token request sent as its own exchange of the history (tagged with the request it is
   * for); resolves with its status and body once recorded. A transport failure rejects. */
  async exchange(request: RequestDraft, forId?: string): Promise<{ status: number; body: string }> {
    const id = crypto.randomUUID();
    const draft = sendableDraft(request);
    const engine = resolveEngine(draft.engine === 'auto' ? this.d.settings.get().defaultEngine : draft.engine);
    const body = await prepareBody(draft, this.d.uploads);
    // The client's credentials (in the body, or as Basic) are masked in exports like a secret variable.
    const field = draft.body.kind === 'form' ? draft.body.fields.find((f) => f.name === 'client_secret') : undefined;
    const basic = draft.headers.find((h) => h.name === 'Authorization')?.value.replace(/^Basic /, '');
    const secrets = [...(field ? [{ name: 'oauth2.clientSecret', value: field.value }] : []), ...(basic ? [{ name: 'oauth2.clientCredentials', value: basic }] : [])];
    let spec: ValidRequestSpec;
    try {
      spec = toEngineRequest(draft, this.d.uploads, this.d.bodies.pathFor(id), body);
    } catch (e) {
      await this.cleanup(body);
      throw e;
    }
    this.reserved.add(id);
    const responseSecrets = async (file: string): Promise<SecretValue[]> => ((await fs.stat(file)).size <= MAX_TOKEN_RESPONSE_BYTES ? tokenSecretsOf(await fs.readFile(file, 'utf8')) : []);
    const last = await this.start(id, { request: draft, used: [], secrets, tokenRequest: forId ? { for: forId } : {}, responseSecrets }, engine, spec, body);
    if (!last?.ok || last.statusCode === undefined) throw new CommandFailure(last?.error?.code ?? 'FAILED', `OAuth 2.0: the token request to ${draft.url} failed: ${last?.error?.message ?? 'no response'}`);
    const file = this.d.bodies.pathFor(id);
    const size = (await fs.stat(file).catch(() => undefined))?.size ?? 0;
    if (size > MAX_TOKEN_RESPONSE_BYTES) throw new CommandFailure('OAUTH_BAD_RESPONSE', `OAuth 2.0: the token endpoint's answer is larger than ${MAX_TOKEN_RESPONSE_BYTES} bytes`);
    return { status: last.statusCode, body: size > 0 ? await fs.readFile(file, 'utf8') : '' };
  }

  /** Resolves with the finished event once history and the body store have the request. */
  private start(id: string, sent: SentRecord, engine: ReturnType<typeof resolveEngine>, spec: ValidRequestSpec, body: PreparedBody, context?: SendContext, after?: AfterResponse): Promise<FinishedEvent | undefined> {
    const sentAt = Date.now();
    const events: InetEvent[] = [];
    const onEvent = (e: InetEvent): void => {
      events.push(e);
      // The finished event is pushed only once history and the body store know the
      // request is over, so a UI reacting to it finds both up to date.
      if (e.type !== 'finished') this.d.batcher.add(e);
    };
    // Throws before anything is begun (a CA file it cannot use); no event arrives before it returns.
    const finished = this.engineSend(id, engine, spec, onEvent, sent.request, context);
    this.d.bodies.begin(id);
    const done = finished
      .then(async (last) => {
        await this.record(id, sent, engine, sentAt, events);
        // Test scripts: their report is ready when the UI sees `finished`.
        await after?.(sent.request, events, last, this.d.bodies.pathFor(id)).catch((e: Error) => this.d.log(`request ${id} test scripts: ${e.message}`));
        // Before `finished` is pushed: a UI (or test) reacting to it finds the copies gone.
        await this.cleanup(body);
        this.d.batcher.add(last);
      })
      .catch((e: Error) => this.d.log(`request ${id}: ${e.message}`))
      .finally(() => {
        this.open.delete(done);
        this.chains.delete(id);
        this.reserved.delete(id);
        return this.cleanup(body);
      });
    this.open.add(done);
    return done.then(() => finished.catch(() => undefined));
  }

  /** A send in a workspace goes hop by hop through its jar; one without a context, as the engine follows. */
  private engineSend(id: string, engine: ReturnType<typeof resolveEngine>, spec: ValidRequestSpec, onEvent: (e: InetEvent) => void, draft: RequestDraft, context?: SendContext): Promise<FinishedEvent> {
    const client = this.d.sessions.client(engine);
    if (!context) return client.send(id, spec, onEvent);
    const jar = this.d.cookies?.jarFor(context.workspaceId);
    const chain = sendFollowing(client, id, spec, { ...(jar ? { jar } : {}), sendCookies: draft.sendCookies !== false }, onEvent);
    this.chains.set(id, chain);
    return chain.finished;
  }

  /** Staged uploads and a built multipart body are used once. */
  private async cleanup(body: PreparedBody | undefined): Promise<void> {
    if (!body) return;
    await this.d.uploads.release(body.stagedTokens).catch((e: Error) => this.d.log(`uploads: ${e.message}`));
    if (body.temp) await fs.rm(body.temp, { force: true }).catch(() => {});
  }

  cancel(id: string): { cancelled: boolean } {
    const chain = this.chains.get(id);
    if (chain) chain.cancel();
    return { cancelled: this.d.sessions.cancel(id) || chain !== undefined };
  }

  async idle(): Promise<void> {
    await Promise.allSettled([...this.open]);
  }

  private async record(id: string, sent: SentRecord, engine: string, sentAt: number, events: InetEvent[]): Promise<void> {
    const { request, used, saved, tokenRequest } = sent;
    await this.d.bodies.finish(id).catch((e: Error) => this.d.log(`body store: ${e.message}`));
    const secrets = [...sent.secrets, ...(sent.responseSecrets ? await sent.responseSecrets(this.d.bodies.pathFor(id)).catch(() => []) : [])];
    const started = events.find((e) => e.type === 'started');
    const finished = events[events.length - 1];
    const summary: HistorySummary = {
      id,
      method: request.method,
      url: request.url,
      engine,
      startedAt: started?.type === 'started' ? started.wallTime : sentAt,
      source: 'sent',
      ...(saved ? { saved } : {}),
      ...(tokenRequest ? { tokenRequest } : {}),
      ...(finished?.type === 'finished' ? summaryOfFinished(finished) : {}),
    };
    // The proxy password is a secret: history (and what is exported from it) keeps the user only.
    await this.d.history.append({ summary, request: withoutProxyPassword(request), events, ...(used.length || secrets.length ? { variables: { used, secrets } } : {}) });
  }
}

/** The summary fields a finished event gives: a failure's error code (CANCELLED…) too. */
export function summaryOfFinished(f: Extract<InetEvent, { type: 'finished' }>): Partial<HistorySummary> {
  return { ok: f.ok, statusCode: f.statusCode, bodyBytes: f.bodyBytes, durationMs: f.t, ...(f.error ? { error: f.error.code } : {}) };
}

/** A client certificate password is a secret whether a variable held it or not: exports mask it. */
function withCertPassword(secrets: SecretValue[], password: string | undefined): SecretValue[] {
  if (!password || secrets.some((s) => s.value === password)) return secrets;
  return [...secrets, { name: 'client certificate password', value: password }];
}
