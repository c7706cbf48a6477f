// -w/--write-out at the CLI's edge: reads the template (FORMAT, @FILE, @- for stdin),
// keeps what the facts need of the events, and carries out the rendered writes (stdout,
// stderr, the files %output{} names) after the transfer, also after a failed one.
import fs from 'node:fs';
import type { InetEvent } from '../contract/events.js';
import { keepForFacts, writeOutFacts } from '../domain/writeout/facts.js';
import { renderWriteOut, type WriteOutWrite } from '../domain/writeout/render.js';
import { parseWriteOut, type WriteOutToken } from '../domain/writeout/template.js';
import { CliFailure } from './cli-exchange.js';

/** As curl reads a -w file: each line up to its first CR, the lines joined without their newlines. */
function joinLines(text: string): string {
  return text
    .split('\n')
    .map((l) => {
      const cr = l.indexOf('\r');
      return cr < 0 ? l : l.slice(0, cr);
    })
    .join('');
}

/** The template given to -w: read once, before the request, so a missing @file fails early. */
export function readWriteOut(arg: string): WriteOutToken[] {
  if (!arg.startsWith('@')) return parseWriteOut(arg);
  const file = arg.slice(1);
  try {
    return parseWriteOut(joinLines(fs.readFileSync(file === '-' ? 0 : file, 'utf8')));
  } catch (e) {
    throw new CliFailure(`cannot read the --write-out file ${file}: ${(e as Error).message}`, 26);
  }
}

/** The events the facts are derived from, only those they read (a big body makes many). */
export class WriteOutRecorder {
  private readonly events: InetEvent[] = [];
  onEvent(ev: InetEvent): void {
    keepForFacts(this.events, ev);
  }
  render(tokens: WriteOutToken[]): WriteOutWrite[] {
    return renderWriteOut(tokens, writeOutFacts(this.events));
  }
}

// The body went out through process.stdout: the write-out follows it through the same stream.
const writeStream = (s: NodeJS.WritableStream, text: string) => new Promise<void>((resolve) => s.write(text, () => resolve()));

/** Carries the writes out in order; an %output{} file is opened when reached, as curl does. */
export async function performWriteOut(writes: WriteOutWrite[], warn: (m: string) => void): Promise<void> {
  const files = new Map<object, number>();
  try {
    for (const w of writes) {
      if (w.to === 'stdout' || w.to === 'stderr') await writeStream(w.to === 'stdout' ? process.stdout : process.stderr, w.text);
      else {
        const target = w.to;
        let fd = files.get(target);
        if (fd === undefined) {
          try {
            fd = fs.openSync(target.file, target.append ? 'a' : 'w');
          } catch (e) {
            warn(`cannot open the --write-out file ${target.file}: ${(e as Error).message}`);
            continue;
          }
          files.set(target, fd);
        }
        fs.writeSync(fd, w.text);
      }
    }
  } finally {
    for (const fd of files.values()) fs.closeSync(fd);
  }
}
