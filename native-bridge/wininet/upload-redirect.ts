// An upload that was redirected (seed 003, KB177188): HttpEndRequest may answer
// ERROR_INTERNET_FORCE_RETRY, and then the request is sent again from HttpSendRequestEx
// with the body rewound (a bounded number of times). Where WinInet follows the redirect
// itself instead (Wine does), the request it sent last is checked: a method that keeps its
// body must have carried it, or the exchange is not the one asked for. Pure (no koffi).
import type { EngineErrorInfo } from '../../engine/events.js';

const ERROR_INTERNET_FORCE_RETRY = 12032;
/** Resends at most: redirects and authentication rounds together. */
export const MAX_RESENDS = 20;

/** Whether a failed call asks for the upload to be sent again, and that is still allowed. */
export function resendWanted(error: number, lastCall: string, resends: number): boolean {
  return error === ERROR_INTERNET_FORCE_RETRY && lastCall === 'HttpEndRequestW' && resends < MAX_RESENDS;
}

/**
 * After a followed redirect: the body is gone when the last request kept a body method but
 * said it had none. A redirect that turned the method into GET or HEAD drops it on purpose.
 */
export function lostBodyProblem(hops: number, total: number, lastRequestHead: string | undefined): EngineErrorInfo | undefined {
  if (hops === 0 || total === 0 || lastRequestHead === undefined) return undefined;
  const method = /^(\S+) /.exec(lastRequestHead)?.[1] ?? '';
  if (method === 'GET' || method === 'HEAD') return undefined;
  if (/\r\ntransfer-encoding:[^\r\n]*chunked/i.test(lastRequestHead)) return undefined;
  const length = Number(/\r\ncontent-length:\s*(\d+)/i.exec(lastRequestHead)?.[1] ?? 0);
  if (length === total) return undefined;
  return {
    code: 'SEND_FAILED',
    name: 'REDIRECT_BODY_LOST',
    message: `WinInet followed the redirect with ${method} but sent ${length} of the body's ${total} bytes (it does not send an upload again itself): the response would not answer this request`,
  };
}
