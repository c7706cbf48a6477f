// The envelope of the contract over a message channel (browser mode's WebSocket).
// Imports nothing of the app.
import { z } from 'zod';
import { CommandErrorSchema, PushSchema } from './api.js';

/** UI → core. The command and its input are checked against COMMANDS by the receiver. */
export const CallMessageSchema = z.object({
  kind: z.literal('call'),
  callId: z.number().int().min(0),
  command: z.string().max(64),
  input: z.unknown(),
});
export type CallMessage = z.infer<typeof CallMessageSchema>;

/** core → UI: the answer to one call, or pushed events. */
const ResultMessageSchema = z.discriminatedUnion('ok', [
  z.object({ kind: z.literal('result'), callId: z.number().int(), ok: z.literal(true), output: z.unknown() }),
  z.object({ kind: z.literal('result'), callId: z.number().int(), ok: z.literal(false), error: CommandErrorSchema }),
]);

export const ServerMessageSchema = z.union([ResultMessageSchema, PushSchema]);
export type ServerMessage = z.infer<typeof ServerMessageSchema>;
