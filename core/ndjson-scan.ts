// Reads an NDJSON file line by line with each line's byte offset, so an index can point
// back into the file instead of holding every line in memory.
import fs from 'node:fs';

interface ScannedLine {
  offset: number;
  length: number;
  text: string;
  /** false for a last line without its newline (a write torn by a crash). */
  terminated: boolean;
}

export async function* scanLines(file: string): AsyncGenerator<ScannedLine> {
  let pending: Buffer[] = [];
  let pendingLength = 0;
  let offset = 0;
  for await (const chunk of fs.createReadStream(file) as AsyncIterable<Buffer>) {
    let start = 0;
    for (let nl = chunk.indexOf(10); nl !== -1; nl = chunk.indexOf(10, start)) {
      const line = Buffer.concat([...pending, chunk.subarray(start, nl)]);
      yield { offset, length: line.length, text: line.toString('utf8'), terminated: true };
      offset += line.length + 1;
      pending = [];
      pendingLength = 0;
      start = nl + 1;
    }
    if (start < chunk.length) {
      pending.push(chunk.subarray(start));
      pendingLength += chunk.length - start;
    }
  }
  if (pendingLength > 0) {
    const line = Buffer.concat(pending);
    yield { offset, length: line.length, text: line.toString('utf8'), terminated: false };
  }
}
