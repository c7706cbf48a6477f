// Collects the header lines libcurl hands to the header callback into one response head.

interface ResponseHeadBlock {
  statusCode: number;
  statusLine: string;
  httpVersion: string;
  raw: string;
  contentLength?: number;
  location?: string;
}

export class HeaderBlock {
  private lines: string[] = [];

  /** Adds one line (with its CRLF); true when it was the blank line that ends the block. */
  push(line: string): boolean {
    // A status line in the middle means the previous block ended without a blank line.
    if (/^HTTP\/\S+\s+\d{3}/.test(line)) this.lines = [];
    this.lines.push(line);
    return line === '\r\n' || line === '\n';
  }

  /** The lines of a block not yet ended (a failure inside the head). */
  get pending(): string {
    return this.lines.join('');
  }

  take(): ResponseHeadBlock {
    const raw = this.lines.join('');
    this.lines = [];
    const statusLine = raw.split(/\r?\n/, 1)[0] ?? '';
    const m = /^(HTTP\/[\d.]+)\s+(\d{3})/.exec(statusLine);
    const cl = /\r?\ncontent-length:\s*(\d+)\s*(?:\r?\n|$)/i.exec(raw);
    return {
      statusCode: m ? Number(m[2]) : 0,
      statusLine,
      httpVersion: m?.[1] ?? 'HTTP/1.1',
      raw,
      contentLength: cl ? Number(cl[1]) : undefined,
      location: /\r?\nlocation:[ \t]*([^\r\n]*)/i.exec(raw)?.[1]?.trim(),
    };
  }
}
