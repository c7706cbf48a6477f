// The body's viewer switch (Raw text | Pretty | Hex | Image | HTML, as the Content-Type
// allows) and the active viewer; the search box for Raw and Hex.
import { lazy, Suspense, useState } from 'react';
import type { SliceCache } from './slice-cache.js';
import { mediaType, prettyLang, VIEWER_LABELS, viewersFor, type ViewerName } from './kinds.js';
import { RawViewer, type Jump } from './RawViewer.js';
import { HexViewer } from './HexViewer.js';
import { HtmlViewer, ImageViewer } from './MediaViewers.js';
import { BodySearch } from './BodySearch.js';
import './viewers.css';

// CodeMirror is most of the bundle: loaded only when a Pretty view opens.
const PrettyViewer = lazy(() => import('./PrettyViewer.js').then((m) => ({ default: m.PrettyViewer })));

interface Props {
  cache: SliceCache;
  total: number;
  contentType: string | undefined;
}

function Active({ name, cache, total, contentType, jump, setName }: Props & { name: ViewerName; jump?: Jump; setName(n: ViewerName): void }) {
  const type = mediaType(contentType);
  switch (name) {
    case 'raw':
      return <RawViewer cache={cache} total={total} jump={jump} />;
    case 'hex':
      return <HexViewer cache={cache} total={total} jump={jump} />;
    case 'pretty':
      return (
        <Suspense fallback={<p className="muted viewer-note">Loading…</p>}>
          <PrettyViewer cache={cache} total={total} lang={prettyLang(type) ?? 'json'} onRaw={() => setName('raw')} />
        </Suspense>
      );
    case 'image':
      return <ImageViewer cache={cache} total={total} type={type} />;
    case 'html':
      return <HtmlViewer cache={cache} total={total} />;
  }
}

export function BodyViewers(props: Props) {
  const { offered, initial } = viewersFor(props.contentType);
  const [name, setName] = useState<ViewerName>(initial);
  const [jump, setJump] = useState<Jump | undefined>(undefined);
  const searchable = name === 'raw' || name === 'hex';
  return (
    <div className="viewers">
      <div className="viewer-bar" role="toolbar" aria-label="Body viewer">
        {offered.map((n) => (
          <button key={n} className={n === name ? 'viewer-tab active' : 'viewer-tab'} aria-pressed={n === name} data-testid={`viewer-${n}`} onClick={() => setName(n)}>
            {VIEWER_LABELS[n]}
          </button>
        ))}
        {searchable && <BodySearch cache={props.cache} onJump={setJump} />}
      </div>
      <div className={`body-viewer body-viewer-${name}`} data-testid="body-viewer" data-viewer={name}>
        <Active {...props} name={name} jump={searchable ? jump : undefined} setName={setName} />
      </div>
    </div>
  );
}
