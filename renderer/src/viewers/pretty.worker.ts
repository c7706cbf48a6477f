// Formats a body off the UI thread: a large JSON.parse/stringify would be a long task.
import { formatPretty } from './pretty-format.js';
import type { PrettyLang } from './kinds.js';

self.onmessage = (e: MessageEvent<{ lang: PrettyLang; bytes: Uint8Array }>) => {
  const text = new TextDecoder('utf-8').decode(e.data.bytes);
  self.postMessage(formatPretty(e.data.lang, text));
};
