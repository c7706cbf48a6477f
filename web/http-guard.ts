// The rules every request to the browser-mode server must pass, kept apart from the
// serving code so they can be read (and reviewed) in one place.
import crypto from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { PAGE_POLICY } from '../domain/page-policy.js';

/**
 * The Host names the page may be reached under. Checking Host defeats DNS rebinding: a
 * hostile name that resolves to 127.0.0.1 still sends its own name in Host.
 */
function allowedHosts(port: number): string[] {
  return [`127.0.0.1:${port}`, `localhost:${port}`];
}

export function hostAllowed(req: IncomingMessage, port: number): boolean {
  const host = req.headers.host;
  return typeof host === 'string' && allowedHosts(port).includes(host.toLowerCase());
}

/**
 * A WebSocket may only be opened by our own page: browsers always send Origin on a
 * WebSocket handshake and a page cannot forge it, so this is what stops another site
 * (or a page under a rebinding name) from driving the core. It must name the same host
 * as the Host header, so the origin really is the page that was loaded.
 */
export function originAllowed(req: IncomingMessage, port: number): boolean {
  const host = req.headers.host?.toLowerCase();
  const origin = req.headers.origin;
  return hostAllowed(req, port) && typeof origin === 'string' && origin.toLowerCase() === `http://${host}`;
}

/**
 * Compares digests rather than the strings so the comparison takes the same time
 * whatever the length or content of what was sent.
 */
export function tokenMatches(given: string | null | undefined, token: string): boolean {
  if (typeof given !== 'string') return false;
  const digest = (s: string): Buffer => crypto.createHash('sha256').update(s, 'utf8').digest();
  return crypto.timingSafeEqual(digest(given), digest(token));
}

/** Set on every response, errors included. No CORS header is ever sent. */
export function setSecurityHeaders(res: ServerResponse): void {
  // The same policy as index.html's meta tag (domain/page-policy.ts).
  res.setHeader('Content-Security-Policy', PAGE_POLICY);
  res.setHeader('X-Content-Type-Options', 'nosniff');
  res.setHeader('Referrer-Policy', 'no-referrer');
  res.setHeader('Cache-Control', 'no-store');
  res.setHeader('X-Frame-Options', 'DENY');
  res.setHeader('Cross-Origin-Opener-Policy', 'same-origin');
  res.setHeader('Cross-Origin-Resource-Policy', 'same-origin');
}

/** A short plain-text answer; the text never echoes anything the client sent. */
export function sendStatus(res: ServerResponse, status: number, text: string, head = false): void {
  res.statusCode = status;
  res.setHeader('Content-Type', 'text/plain; charset=utf-8');
  res.setHeader('Content-Length', Buffer.byteLength(text));
  res.end(head ? undefined : text);
}
