// The engine-host protocol: NDJSON over an authenticated loopback TCP connection (stdio
// does not work for Windows Node under Wine). Both ends parse what they receive here, once:
// the host its commands (a send's spec comes out a ValidRequestSpec), the connection the
// host's messages. Strict objects: an unknown field is an error at either end.
import { z } from 'zod';
import { eventVariants } from '../contract/events.js';
import { RequestSpecSchema } from './request-spec.js';

export const EngineNameSchema = z.enum(['wininet', 'curl']);

export const HostCommandSchema = z.discriminatedUnion('type', [
  z.strictObject({ type: z.literal('send'), id: z.string().min(1).max(200), spec: RequestSpecSchema }),
  z.strictObject({ type: z.literal('cancel'), id: z.string().min(1).max(200) }),
  z.strictObject({ type: z.literal('shutdown') }),
  z.strictObject({ type: z.literal('stats') }),
]);
export type HostCommand = z.input<typeof HostCommandSchema>;

export const HelloSchema = z.strictObject({
  type: z.literal('hello'),
  token: z.string(),
  engine: EngineNameSchema,
  pid: z.number(),
  runtime: z.string(),
});

/** Answer to `stats`: the host's own memory figures, in bytes. */
export const HostStatsSchema = z.strictObject({ type: z.literal('stats'), rss: z.number(), maxRss: z.number() });
export type HostStats = z.infer<typeof HostStatsSchema>;

export const HostFatalSchema = z.strictObject({ type: z.literal('host-error'), token: z.string(), message: z.string() });

/** One discriminated union: the hot path (thousands of events a second) dispatches on `type` at once. */
// The events are strict objects (contract/events.ts): a field the contract does not name is a broken host.
export const HostMessageSchema = z.discriminatedUnion('type', [HelloSchema, HostFatalSchema, HostStatsSchema, ...eventVariants]);

/** Splits a byte stream into lines; keeps the unfinished tail. */
export class LineSplitter {
  private tail = '';
  push(chunk: string): string[] {
    const text = this.tail + chunk;
    const lines = text.split('\n');
    this.tail = lines.pop() ?? '';
    return lines.filter((l) => l.length > 0);
  }
}
