// The HTML preview's document, prepared in the page before it goes into the frame: parsed
// inert (DOMParser runs nothing and loads nothing), links made inert (their target kept as
// a tooltip), nothing left that would load from the network, and the page's own styles
// taken out to be applied through the CSSOM (HtmlViewer): a srcdoc frame inherits the app's
// CSP, which refuses inline styles, while constructed sheets and el.style are not inline.
// The frame gets a CSP of its own on top: nothing loads but data: images.

/** The frame's own policy (combined with the app's: both must allow). */
export const PREVIEW_CSP = "default-src 'none'; img-src data:; style-src 'unsafe-inline'";
/** Where an element's style attribute waits to be applied. */
export const STYLE_ATTR = 'data-preview-style';

export interface PreparedHtml {
  /** The document for srcdoc. */
  html: string;
  /** The text of its <style> elements, in order. */
  css: string;
}

const LOADS: Array<[string, string[]]> = [
  ['img', ['src', 'srcset']],
  ['source', ['src', 'srcset']],
  ['video', ['src', 'poster']],
  ['audio', ['src']],
  ['track', ['src']],
  ['input', ['src']],
  ['iframe', ['src', 'srcdoc']],
  ['frame', ['src']],
  ['embed', ['src']],
  ['object', ['data']],
  ['body', ['background']],
  ['table', ['background']],
  ['td', ['background']],
];

const isData = (v: string): boolean => /^\s*data:/i.test(v);

function inertLinks(doc: Document): void {
  for (const a of doc.querySelectorAll('a[href], area[href]')) {
    const href = a.getAttribute('href') ?? '';
    a.removeAttribute('href');
    a.removeAttribute('target');
    a.removeAttribute('ping');
    a.setAttribute('title', `${a.getAttribute('title') ? `${a.getAttribute('title')} — ` : ''}link (not followed in the preview): ${href}`);
    a.setAttribute('data-preview-href', href);
  }
  // SVG links name their target in xlink:href.
  for (const a of doc.querySelectorAll('a')) a.removeAttributeNS('http://www.w3.org/1999/xlink', 'href');
  for (const f of doc.querySelectorAll('form')) f.removeAttribute('action');
}

function dropLoads(doc: Document): void {
  for (const [tag, attrs] of LOADS) {
    for (const el of doc.querySelectorAll(tag)) {
      for (const attr of attrs) {
        const v = el.getAttribute(attr);
        if (v !== null && !(attr !== 'srcdoc' && isData(v))) el.removeAttribute(attr);
      }
    }
  }
  for (const el of doc.querySelectorAll('link, base, meta[http-equiv]')) el.remove();
}

function takeStyles(doc: Document): string {
  const css: string[] = [];
  for (const s of doc.querySelectorAll('style')) {
    css.push(s.textContent ?? '');
    s.remove();
  }
  for (const el of doc.querySelectorAll('[style]')) {
    el.setAttribute(STYLE_ATTR, el.getAttribute('style') ?? '');
    el.removeAttribute('style');
  }
  return css.join('\n');
}

/** The response's HTML as the preview shows it. */
export function prepareHtml(text: string): PreparedHtml {
  const doc = new DOMParser().parseFromString(text, 'text/html');
  inertLinks(doc);
  dropLoads(doc);
  const css = takeStyles(doc);
  const meta = doc.createElement('meta');
  meta.setAttribute('http-equiv', 'Content-Security-Policy');
  meta.setAttribute('content', PREVIEW_CSP);
  doc.head.prepend(meta);
  return { html: `<!doctype html>${doc.documentElement.outerHTML}`, css };
}

/** Inert links still look like links (zero specificity: the page's own rules win). */
const BASE_CSS = ':where(a[data-preview-href]) { color: LinkText; text-decoration: underline; cursor: help; }';

/** Applies the page's styles inside the loaded frame document (the frame's own realm
 * builds the sheet: a document adopts only sheets of its own). */
export function applyStyles(doc: Document, css: string): void {
  const view = doc.defaultView as (Window & typeof globalThis) | null;
  if (!view) return;
  const sheet = new view.CSSStyleSheet();
  sheet.replaceSync(`${BASE_CSS}\n${css}`);
  doc.adoptedStyleSheets = [sheet];
  for (const el of doc.querySelectorAll(`[${STYLE_ATTR}]`)) {
    if (el instanceof view.HTMLElement || el instanceof view.SVGElement) el.style.cssText = el.getAttribute(STYLE_ATTR) ?? '';
  }
}
