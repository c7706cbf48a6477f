// The pieces every importer builds a draft from: headers by name, a Content-Type unless one
// is named, the Authorization header, basic auth's value, a query parameter on a URL.
import type { RequestDraft } from '../../contract/request.js';

export type Header = RequestDraft['headers'][number];

export function hasHeader(headers: Header[], name: string): boolean {
  return headers.some((h) => h.enabled && h.name.toLowerCase() === name.toLowerCase());
}

export function withType(headers: Header[], type: string): void {
  if (!hasHeader(headers, 'content-type')) headers.push({ name: 'Content-Type', value: type, enabled: true });
}

/** Authorization: `value`, unless the request already has one (a note says so). */
export function setAuthorization(headers: Header[], value: string, kind: string, notes: string[]): void {
  if (hasHeader(headers, 'authorization')) notes.push(`${kind} auth not added: the request already has an Authorization header`);
  else headers.push({ name: 'Authorization', value, enabled: true });
}

/** "Basic <base64>", or undefined (with a note) when a part is a template: base64 of one would encode the braces. */
export function basicValue(user: string, pass: string, notes: string[]): string | undefined {
  if (`${user}${pass}`.includes('{{')) {
    notes.push('basic auth uses variables: not carried over (add an Authorization header with the encoded value)');
    return undefined;
  }
  return `Basic ${Buffer.from(`${user}:${pass}`, 'utf8').toString('base64')}`;
}

/** `url` with `key=value` added to its query, as typed (a template stays one). */
export function withQuery(url: string, key: string, value: string): string {
  return `${url}${url.includes('?') ? '&' : '?'}${key}=${value}`;
}

export const text = (v: unknown): string => (v === undefined || v === null ? '' : typeof v === 'string' ? v : JSON.stringify(v));
