// The body's viewer switch (Raw text | Pretty | Hex | Image | HTML, as the Content-Type
// allows) and the active viewer; the search box for Raw and Hex. While the body streams,
// Raw and Hex show what is stored so far; the whole-body viewers wait for the end.
import { lazy, Suspense, useMemo, useState } from 'react';
import type { SliceCache } from './slice-cache.js';
import { canRender, mediaType, prettyLang, VIEWER_LABELS, viewersFor, wholeMax, type ViewerName } from './kinds.js';
import { RawViewer, type Hits, type Jump } from './RawViewer.js';
import { HexViewer } from './HexViewer.js';
import { HtmlViewer, ImageViewer } from './MediaViewers.js';
import { BodySearch } from './BodySearch.js';
import type { QueryFinder } from './core-find.js';
import { pageFinder } from './page-find.js';
import type { JsonFilterRun } from './JsonFilter.js';
import { setWrapRaw, useLayout } from '../layout/layout-store.js';
import './viewers.css';

// CodeMirror is most of the bundle: loaded only when a Pretty view opens.
const PrettyViewer = lazy(() => import('./PrettyViewer.js').then((m) => ({ default: m.PrettyViewer })));

interface Props {
  cache: SliceCache;
  total: number;
  /** The whole body is stored (false while it streams). */
  complete: boolean;
  contentType: string | undefined;
  /** The core's search over this body (Raw and Hex search with it); without it, the page's. */
  find?: QueryFinder;
  /** The core's JSONPath filter over this body (the Pretty view of JSON offers it). */
  filter?: JsonFilterRun;
}

const WHOLE_BODY: ReadonlySet<ViewerName> = new Set(['pretty', 'image', 'html']);

function Active({ name, cache, total, complete, contentType, jump, hits, setName, filter, wrap }: Props & { name: ViewerName; jump?: Jump; hits?: Hits; setName(n: ViewerName): void; wrap: boolean }) {
  const type = mediaType(contentType);
  if (!complete && WHOLE_BODY.has(name)) {
    return (
      <p className="muted viewer-note" data-testid="viewer-waiting">
        {VIEWER_LABELS[name]} is available when the response is complete; Raw text and Hex show the body as it arrives.
      </p>
    );
  }
  switch (name) {
    case 'raw':
      return <RawViewer cache={cache} total={total} complete={complete} jump={jump} hits={hits} wrap={wrap} />;
    case 'hex':
      return <HexViewer cache={cache} total={total} complete={complete} jump={jump} hits={hits} />;
    case 'pretty':
      return (
        <Suspense fallback={<p className="muted viewer-note">Loading…</p>}>
          <PrettyViewer cache={cache} total={total} lang={prettyLang(type) ?? 'json'} onRaw={() => setName('raw')} filter={filter} />
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
  // Until the user picks one: the initial viewer, or Raw text while a whole-body one would
  // wait or could not render the body (a working view is never swapped for an empty one).
  const [picked, setName] = useState<ViewerName | undefined>(undefined);
  const initialWaits = WHOLE_BODY.has(initial) && (!props.complete || !canRender(initial, props.total));
  const name: ViewerName = picked ?? (initialWaits ? 'raw' : initial);
  const [jump, setJump] = useState<Jump | undefined>(undefined);
  const [hits, setHits] = useState<Hits | undefined>(undefined);
  const searchable = name === 'raw' || name === 'hex';
  const inPage = useMemo(() => pageFinder(props.cache), [props.cache]);
  const wrap = useLayout((s) => s.wrapRaw);
  return (
    <div className="viewers">
      <div className="viewer-bar" role="toolbar" aria-label="Body viewer">
        {offered.map((n) => {
          // Pretty JSON too large to show whole still offers the core's filter.
          const whole = canRender(n, props.total);
          const fits = whole || (n === 'pretty' && props.filter !== undefined && prettyLang(mediaType(props.contentType)) === 'json');
          const max = wholeMax(n);
          return (
            <button
              key={n}
              className={n === name ? 'viewer-tab active' : 'viewer-tab'}
              aria-pressed={n === name}
              data-testid={`viewer-${n}`}
              disabled={!fits}
              title={whole || max === undefined ? undefined : `Too large for ${VIEWER_LABELS[n]} (over ${max / 1024 / 1024} MiB)${fits ? ': it offers the JSON filter only' : ''}; Raw text and Hex show it all.`}
              onClick={() => setName(n)}
            >
              {VIEWER_LABELS[n]}
            </button>
          );
        })}
        {name === 'raw' && (
          <button type="button" className="viewer-tab viewer-wrap" aria-pressed={wrap} data-testid="raw-wrap" title="Wrap long lines to the viewer's width" onClick={() => setWrapRaw(!wrap)}>
            Wrap
          </button>
        )}
        {searchable && <BodySearch cache={props.cache} find={props.find ?? inPage} onJump={setJump} onHits={setHits} />}
      </div>
      {picked === undefined && name === 'hex' && (
        <p className="muted viewer-why" data-testid="viewer-why">
          {`Opened on Hex: ${mediaType(props.contentType) || 'a body without a Content-Type'} is not text or an image the other viewers show; Raw text shows it as UTF-8 anyway.`}
        </p>
      )}
      <div className={`body-viewer body-viewer-${name}`} data-testid="body-viewer" data-viewer={name}>
        <Active {...props} name={name} jump={searchable ? jump : undefined} hits={searchable ? hits : undefined} setName={setName} wrap={wrap} />
      </div>
    </div>
  );
}
