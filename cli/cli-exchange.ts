// What the CLI does with each event of its one exchange: events out, timeline lines,
// headers and body to their output, and the local reasons to stop early (--fail, a
// closed pipe). The first such reason wins and cancels the request.
import type { InetEvent } from '../contract/events.js';
import type { CliOptions } from './args.js';
import type { BodyOutput, BodyOutputError } from './body-output.js';
import { EXIT_HTTP_ERROR } from './exit-codes.js';
import { formatTimelineLine } from '../domain/timeline-text.js';
import { headerValue, parseHeaderBlock } from '../domain/har/text.js';
import { verboseTlsLines } from '../domain/tls/summary.js';

const contentEncodingOf = (rawHeaders: string): string | undefined => headerValue(parseHeaderBlock(rawHeaders).headers, 'content-encoding');

export class CliFailure extends Error {
  constructor(
    message: string,
    readonly exitCode: number,
  ) {
    super(message);
  }
}

interface EventLines {
  line(text: string): void;
}

export class CliExchange {
  failure?: CliFailure;
  cancel: () => void = () => {};
  readonly output: BodyOutput;

  constructor(
    private readonly opts: CliOptions,
    private readonly rep: EventLines,
    private readonly writeEvent: ((ev: InetEvent) => void) | undefined,
    openOutput: (onError: (e: BodyOutputError) => void) => BodyOutput,
  ) {
    // A body that cannot be written out (closed pipe) is curl's exit 23; one that cannot be decoded, 61.
    this.output = openOutput((e) => this.stop(new CliFailure(e.message, e.exitCode)));
  }

  stop(failure: CliFailure): void {
    if (this.failure) return;
    this.failure = failure;
    this.cancel();
  }

  onEvent(ev: InetEvent): void {
    try {
      this.writeEvent?.(ev);
    } catch (e) {
      this.stop(new CliFailure(`cannot write the events: ${(e as Error).message}`, 23));
    }
    if (this.opts.timeline) this.rep.line(formatTimelineLine(ev));
    if (this.opts.verbose) this.verbose(ev);
    if (this.failure) return;
    if (ev.type === 'headers') {
      if (this.opts.compressed) this.output.decode(contentEncodingOf(ev.rawHeaders));
      // As curl: -i prints the interim and final heads, also of a response --fail then refuses.
      if (this.opts.include || this.opts.head) this.output.writeHeaders((ev.interimHeads ?? '') + ev.rawHeaders);
      if (this.opts.fail && ev.statusCode >= 400) {
        this.stop(new CliFailure(`the requested URL returned error: ${ev.statusCode}`, EXIT_HTTP_ERROR));
      }
    } else if (ev.type === 'body') this.output.progress(ev.bytes);
    else if (ev.type === 'finished' && ev.partialHead && (this.opts.include || this.opts.head)) this.output.writeHeaders(ev.partialHead);
  }

  private verbose(ev: InetEvent): void {
    if (ev.type === 'headers') {
      if (this.opts.compressed) this.output.decode(contentEncodingOf(ev.rawHeaders));
      for (const l of (ev.requestHeaders ?? '').split('\r\n').filter(Boolean)) this.rep.line(`> ${l}`);
      for (const l of ((ev.interimHeads ?? '') + ev.rawHeaders).split(/\r?\n/).filter(Boolean)) this.rep.line(`< ${l}`);
    } else if (ev.type === 'tls') {
      for (const l of verboseTlsLines(ev.facts)) this.rep.line(`* ${l}`);
    } else if (ev.type === 'native' || ev.type === 'started') {
      this.rep.line(`* ${formatTimelineLine(ev).trim()}`);
    }
  }
}
