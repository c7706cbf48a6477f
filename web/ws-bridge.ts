// One browser-mode WebSocket ↔ the core: each message is a call envelope (contract/
// transport.ts); each call gets exactly one result message. Anything that is not a valid
// envelope closes the socket (1008), because only our own page talks here and a page that
// sends garbage is not one we want to keep answering.
import { WebSocket, type RawData } from 'ws';
import { isCommandName, type CommandName, type Push } from '../contract/api.js';
import { CallMessageSchema, type ServerMessage } from '../contract/transport.js';
import { CommandFailure } from '../core/app-core.js';

/** What the bridge needs of the core (AppCore satisfies it). */
export interface CoreLike {
  call(name: CommandName, input: unknown): Promise<unknown>;
  onPush(listener: (push: Push) => void): () => void;
  /** Drops the unfinished uploads of a socket that closed. */
  abandonUploads?(tokens: Iterable<string>): Promise<void>;
}

/**
 * A client that stops reading must not make the server buffer pushes without bound; past
 * this much unsent data its socket is dropped (the page reconnects and reloads history).
 */
const MAX_BUFFERED = 64 * 1024 * 1024;

const POLICY_VIOLATION = 1008;

export function sendRaw(ws: WebSocket, text: string): void {
  if (ws.readyState !== WebSocket.OPEN) return;
  if (ws.bufferedAmount > MAX_BUFFERED) {
    ws.terminate();
    return;
  }
  ws.send(text);
}

function send(ws: WebSocket, msg: ServerMessage): void {
  sendRaw(ws, JSON.stringify(msg));
}

/** The error a result carries: a core failure keeps its code, anything else is INTERNAL. */
function toCommandError(e: unknown): { code: string; message: string } {
  if (e instanceof CommandFailure) return { code: e.code, message: e.message };
  return { code: 'INTERNAL', message: e instanceof Error ? e.message : String(e) };
}

function parseEnvelope(data: RawData, isBinary: boolean): ReturnType<typeof CallMessageSchema.safeParse> | undefined {
  if (isBinary) return undefined;
  const text = Array.isArray(data) ? Buffer.concat(data).toString('utf8') : Buffer.from(data as Buffer).toString('utf8');
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    return undefined;
  }
  return CallMessageSchema.safeParse(json);
}

/** The fileToken of an upload a call began (beginUpload) or finished (endUpload), else undefined. */
function uploadToken(command: CommandName, input: unknown, output: unknown): { begun?: string; ended?: string } {
  if (command === 'beginUpload') return { begun: (output as { fileToken: string }).fileToken };
  if (command === 'endUpload') return { ended: (input as { fileToken: string }).fileToken };
  return {};
}

export function attachSocket(ws: WebSocket, core: CoreLike, log: (m: string) => void): void {
  // Uploads this socket began and has not finished: a page that goes away must not leave
  // them holding a descriptor and disk (they also expire, see core/uploads.ts).
  const unfinished = new Set<string>();
  const abandon = (tokens: string[]): void => {
    if (tokens.length === 0 || !core.abandonUploads) return;
    core.abandonUploads(tokens).catch((e: Error) => log(`web: dropping the uploads of a closed socket failed: ${e.message}`));
  };
  ws.on('close', () => {
    abandon([...unfinished]);
    unfinished.clear();
  });
  ws.on('message', (data, isBinary) => {
    const parsed = parseEnvelope(data, isBinary);
    if (!parsed?.success) {
      ws.close(POLICY_VIOLATION, 'invalid message');
      return;
    }
    const { callId, command, input } = parsed.data;
    if (!isCommandName(command)) {
      send(ws, { kind: 'result', callId, ok: false, error: { code: 'UNKNOWN_COMMAND', message: `unknown command: ${command}` } });
      return;
    }
    core.call(command, input).then(
      (output) => {
        const { begun, ended } = uploadToken(command, input, output);
        if (begun !== undefined) {
          // A socket closed while its beginUpload ran: the upload is dropped at once.
          if (ws.readyState === WebSocket.OPEN) unfinished.add(begun);
          else abandon([begun]);
        }
        if (ended !== undefined) unfinished.delete(ended);
        send(ws, { kind: 'result', callId, ok: true, output });
      },
      (e: unknown) => {
        const error = toCommandError(e);
        if (error.code === 'INTERNAL') log(`web: ${command} failed: ${e instanceof Error ? (e.stack ?? e.message) : String(e)}`);
        send(ws, { kind: 'result', callId, ok: false, error });
      },
    );
  });
  ws.on('error', (e) => log(`web: socket error: ${e.message}`));
}
