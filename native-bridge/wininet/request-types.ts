// The request state machine's states and what a request needs from its engine.
import type { EngineErrorInfo } from '../../contract/events.js';

export type State = 'send' | 'sendEx' | 'write' | 'wrote' | 'end' | 'ended' | 'head' | 'read' | 'consume' | 'probe' | 'probed' | 'eof' | 'done';

export interface RequestOwner {
  /** The InternetOpenW session for this proxy and certificate policy, or why it cannot be opened. */
  session(proxy: string | undefined, insecure: boolean): SessionResult;
  /** GC-stress hook: runs after every WinInet call. */
  afterCall(): void;
  /** Called at `finished`, and again once a late HANDLE_CLOSING has freed everything. */
  released(fullyClosed: boolean): void;
  log(msg: string): void;
}

export type SessionResult = { handle: unknown } | { error: EngineErrorInfo };
