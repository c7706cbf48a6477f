// --har FILE: the CLI's exchange as a HAR 1.2 file, written atomically (complete or not
// there), also for a failed exchange (with what was received). The body goes inline up to
// the app's default limit, read from the sink before the output is finished.
import fs from 'node:fs';
import type { RequestDraft } from '../contract/request.js';
import { SettingsSchema } from '../contract/api.js';
import type { InetEvent } from '../contract/events.js';
import { exchangeToHarEntries, type HarBody } from '../domain/har/export.js';
import { writeHarFile } from '../core/har-file.js';
import { reason, SaveTargetError } from '../core/save-target.js';
import { CliFailure } from './cli-exchange.js';

const INLINE_LIMIT = SettingsSchema.parse({}).harInlineBodyLimitBytes;

export class HarRecorder {
  private readonly events: InetEvent[] = [];
  private body: HarBody = { bytes: new Uint8Array(0) };

  constructor(
    private readonly target: string,
    private readonly draft: RequestDraft,
  ) {}

  onEvent(ev: InetEvent): void {
    this.events.push(ev);
  }

  /** Before the output is finished: the sink still holds the body (a failed one is gone). */
  captureBody(sinkPath: string, bodyBytes: number): void {
    let st: fs.Stats | undefined;
    try {
      st = fs.statSync(sinkPath);
    } catch {
      st = undefined;
    }
    if (!st?.isFile()) this.body = bodyBytes === 0 ? { bytes: new Uint8Array(0) } : { omitted: `the body (${bodyBytes} bytes) was not kept (it went to a special file, or the exchange failed)` };
    else if (st.size > INLINE_LIMIT) this.body = { omitted: `the body (${st.size} bytes) is over the inline limit of ${INLINE_LIMIT} bytes` };
    else this.body = { bytes: fs.readFileSync(sinkPath) };
  }

  /** Nothing to write when the engine never started the exchange. */
  async write(): Promise<void> {
    if (!this.events.some((e) => e.type === 'started')) return;
    try {
      await writeHarFile(this.target, exchangeToHarEntries({ request: this.draft, events: this.events, body: this.body }, 0));
    } catch (e) {
      throw new CliFailure(e instanceof SaveTargetError ? `--har: ${e.message}` : `cannot write the HAR to ${this.target}: ${reason(e)}`, 23);
    }
  }
}
