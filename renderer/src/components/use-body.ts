// The response body as text, read with readBodySlice a slice at a time.
import { useCallback, useEffect, useRef, useState } from 'react';
import { describeError } from '../state/actions.js';
import { usePlatform } from './platform-context.js';

export const SLICE = 256 * 1024;

export interface BodyView {
  text: string;
  loaded: number;
  total: number;
  complete: boolean;
  loading: boolean;
  error?: string;
}

const EMPTY: BodyView = { text: '', loaded: 0, total: 0, complete: false, loading: false };

export function decodeBase64(b64: string): Uint8Array {
  const bin = atob(b64);
  const out = new Uint8Array(bin.length);
  for (let i = 0; i < bin.length; i++) out[i] = bin.charCodeAt(i);
  return out;
}

/** Loads the first slice once the request has finished; more() loads the next one. */
export function useBody(id: string | undefined, finished: boolean): [BodyView, () => void] {
  const platform = usePlatform();
  const [view, setView] = useState<BodyView>(EMPTY);
  const decoder = useRef(new TextDecoder('utf-8'));
  const current = useRef<string | undefined>(undefined);
  const viewRef = useRef(view);
  viewRef.current = view;

  const load = useCallback(
    (offset: number) => {
      if (!id) return;
      setView((v) => ({ ...v, loading: true }));
      platform.call('readBodySlice', { id, offset, length: SLICE }).then(
        (r) => {
          if (current.current !== id) return;
          const bytes = decodeBase64(r.base64);
          const done = r.offset + bytes.length >= r.total;
          const chunk = decoder.current.decode(bytes, { stream: !done });
          setView((v) => ({ text: v.text + chunk, loaded: r.offset + bytes.length, total: r.total, complete: r.complete, loading: false }));
        },
        (e: unknown) => {
          if (current.current === id) setView((v) => ({ ...v, loading: false, error: describeError(e) }));
        },
      );
    },
    [id, platform],
  );

  useEffect(() => {
    current.current = id;
    decoder.current = new TextDecoder('utf-8');
    setView(EMPTY);
    if (id && finished) load(0);
  }, [id, finished, load]);

  const more = useCallback(() => {
    const v = viewRef.current;
    if (!v.loading && v.loaded < v.total) load(v.loaded);
  }, [load]);
  return [view, more];
}
