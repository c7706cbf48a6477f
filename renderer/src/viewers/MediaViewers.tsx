// Image and HTML previews. The renderer's CSP meta tag allows images only from 'self' and
// data: (blob: is in browser mode's header, not in the page's own policy, nor in Electron's),
// so the image is a data: URL made off-thread by FileReader. The HTML preview is a srcdoc
// in <iframe sandbox="">: no scripts, an opaque origin, and it inherits the page's CSP.
import { useEffect, useState } from 'react';
import type { SliceCache } from './slice-cache.js';
import { HTML_MAX, IMAGE_MAX } from './kinds.js';
import { useWholeBody, type Whole } from './use-whole-body.js';

function Unavailable({ whole, max }: { whole: Whole; max: number }) {
  if (whole.state === 'too-large') return <p className="viewer-note muted">Too large to preview (over {max / 1024 / 1024} MiB); use Raw text or Hex.</p>;
  if (whole.state === 'error') return <p className="error">{whole.error}</p>;
  return <p className="viewer-note muted">Loading…</p>;
}

export function ImageViewer({ cache, total, type }: { cache: SliceCache; total: number; type: string }) {
  const whole = useWholeBody(cache, total, IMAGE_MAX);
  const [url, setUrl] = useState('');
  useEffect(() => {
    setUrl('');
    if (whole.state !== 'ready') return;
    const reader = new FileReader();
    reader.onload = () => setUrl(String(reader.result));
    reader.readAsDataURL(new Blob([whole.bytes as BlobPart], { type }));
    return () => reader.abort();
  }, [whole, type]);
  if (whole.state !== 'ready' || !url) return <Unavailable whole={whole} max={IMAGE_MAX} />;
  return (
    <div className="image-view">
      <img src={url} alt="Response body" data-testid="image-preview" />
    </div>
  );
}

export function HtmlViewer({ cache, total }: { cache: SliceCache; total: number }) {
  const whole = useWholeBody(cache, total, HTML_MAX);
  const [html, setHtml] = useState<string | undefined>(undefined);
  useEffect(() => setHtml(whole.state === 'ready' ? new TextDecoder('utf-8').decode(whole.bytes) : undefined), [whole]);
  if (html === undefined) return <Unavailable whole={whole} max={HTML_MAX} />;
  return <iframe className="html-preview" sandbox="" srcDoc={html} title="HTML preview" data-testid="html-preview" />;
}
