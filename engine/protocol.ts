// The engine-host protocol: NDJSON over an authenticated loopback TCP connection (stdio
// does not work for Windows Node under Wine). Both ends parse what they receive here.
import { z } from 'zod';
import { RequestSpecSchema } from './request-spec.js';

export const EngineNameSchema = z.enum(['wininet', 'curl']);

export const HostCommandSchema = z.discriminatedUnion('type', [
  z.object({ type: z.literal('send'), id: z.string().min(1).max(200), spec: RequestSpecSchema }),
  z.object({ type: z.literal('cancel'), id: z.string().min(1).max(200) }),
  z.object({ type: z.literal('shutdown') }),
  z.object({ type: z.literal('stats') }),
]);
export type HostCommand = z.input<typeof HostCommandSchema>;

import { ErrorInfoSchema, eventVariants, InetEventSchema, type InetEvent } from '../contract/events.js';

export { ErrorInfoSchema, InetEventSchema };

export const HelloSchema = z.object({
  type: z.literal('hello'),
  token: z.string(),
  engine: EngineNameSchema,
  pid: z.number(),
  runtime: z.string(),
});

/** Answer to `stats`: the host's own memory figures, in bytes. */
export const HostStatsSchema = z.object({ type: z.literal('stats'), rss: z.number(), maxRss: z.number() });
export type HostStats = z.infer<typeof HostStatsSchema>;

export const HostFatalSchema = z.object({ type: z.literal('host-error'), token: z.string(), message: z.string() });

/** One discriminated union: the hot path (thousands of events a second) dispatches on `type` at once. */
export const HostMessageSchema = z.discriminatedUnion('type', [HelloSchema, HostFatalSchema, HostStatsSchema, ...eventVariants]);

export function parseEvent(value: unknown): InetEvent {
  return InetEventSchema.parse(value) as InetEvent;
}

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
