// Messages between the curl engine (host main thread) and its worker thread.
import type { InetEvent } from '../../contract/events.js';
import type { RequestSpec } from '../../engine/request-spec.js';

export type WorkerCommand =
  | { type: 'start'; id: string; spec: RequestSpec }
  | { type: 'cancel'; id: string }
  | { type: 'shutdown' };

export type WorkerMessage =
  | { type: 'ready'; multi: bigint; version: string; startedAt: number }
  | { type: 'events'; events: InetEvent[] }
  | { type: 'closed' };
