// The request state machine's states and what a request needs from its engine.
import type { EngineErrorInfo } from '../../contract/events.js';
import type { RequestSpec } from '../../engine/request-spec.js';
import type { ProxySession } from './proxy-session.js';

export type State = 'send' | 'sendEx' | 'write' | 'wrote' | 'end' | 'ended' | 'head' | 'read' | 'consume' | 'probe' | 'probed' | 'eof' | 'done';

export interface RequestOwner {
  /** The InternetOpenW session for this request's proxy route, credentials and certificate policy, or why it cannot be opened. */
  session(spec: RequestSpec): SessionResult;
  /** GC-stress hook: runs after every WinInet call. */
  afterCall(): void;
  /** Called at `finished`, and again once a late HANDLE_CLOSING has freed everything. */
  released(fullyClosed: boolean): void;
  log(msg: string): void;
}

export type SessionResult = ProxySession | { error: EngineErrorInfo };
