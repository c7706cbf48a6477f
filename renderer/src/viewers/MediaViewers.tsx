// Image and HTML previews. The renderer's CSP meta tag allows images only from 'self' and
// data: (blob: is in browser mode's header, not in the page's own policy, nor in Electron's),
// so the image is a data: URL made off-thread by FileReader. The HTML preview is a srcdoc
// in a sandboxed frame without allow-scripts (html-preview.ts prepares its document); it
// is same-origin only so the page can apply the preview's own styles through the CSSOM.
import { useEffect, useRef, useState } from 'react';
import { applyStyles, prepareHtml, type PreparedHtml } from './html-preview.js';
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
  const [size, setSize] = useState<{ w: number; h: number } | undefined>(undefined);
  useEffect(() => {
    setUrl('');
    setSize(undefined);
    if (whole.state !== 'ready') return;
    const reader = new FileReader();
    reader.onload = () => setUrl(String(reader.result));
    reader.readAsDataURL(new Blob([whole.bytes as BlobPart], { type }));
    return () => reader.abort();
  }, [whole, type]);
  if (whole.state !== 'ready' || !url) return <Unavailable whole={whole} max={IMAGE_MAX} />;
  return (
    <div className="image-view">
      <p className="muted image-facts" data-testid="image-facts">
        {size ? `${size.w} × ${size.h} px · ${type || 'image'}` : type || 'image'}
      </p>
      <img src={url} alt="Response body" data-testid="image-preview" onLoad={(e) => setSize({ w: e.currentTarget.naturalWidth, h: e.currentTarget.naturalHeight })} />
    </div>
  );
}

export function HtmlViewer({ cache, total }: { cache: SliceCache; total: number }) {
  const whole = useWholeBody(cache, total, HTML_MAX);
  const [doc, setDoc] = useState<PreparedHtml | undefined>(undefined);
  const frame = useRef<HTMLIFrameElement | null>(null);
  useEffect(() => setDoc(whole.state === 'ready' ? prepareHtml(new TextDecoder('utf-8').decode(whole.bytes)) : undefined), [whole]);
  if (doc === undefined) return <Unavailable whole={whole} max={HTML_MAX} />;
  const styled = () => {
    const d = frame.current?.contentDocument;
    if (d) applyStyles(d, doc.css);
  };
  return (
    <iframe
      ref={frame}
      className="html-preview"
      // No allow-scripts: nothing in the preview runs. allow-same-origin lets this page style
      // it; without scripts the frame can use that origin for nothing, and its CSP loads nothing.
      sandbox="allow-same-origin"
      srcDoc={doc.html}
      onLoad={styled}
      title="HTML preview (links are not followed)"
      data-testid="html-preview"
    />
  );
}
