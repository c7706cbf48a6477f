// A text input that shows its `{{variables}}`: a backdrop laid over the input, pointer-events
// off, draws a tint under each reference (defined, or red when undefined); hovering one puts
// its value (a secret masked) or "undefined variable" in the input's title. The input stays
// the one element typed in, so focus and the caret are the browser's own.
import { useLayoutEffect, useMemo, useRef, useState, type InputHTMLAttributes } from 'react';
import { useApp } from '../app-store.js';
import { variableLayersOf } from '../collections/collections-slice.js';
import { activeTab } from '../tabs/tabs-slice.js';
import { highlighter } from './highlight.js';
import './variables.css';

/** The input's box and font the backdrop copies, so each reference lies under its text. */
const COPIED = ['font', 'letterSpacing', 'wordSpacing', 'textIndent', 'paddingLeft', 'paddingRight', 'paddingTop', 'paddingBottom', 'borderLeftWidth', 'borderRightWidth', 'borderTopWidth', 'borderBottomWidth'] as const;

type Props = InputHTMLAttributes<HTMLInputElement> & { value: string };

export function VariableInput(props: Props) {
  // The scopes of the active tab, from the workspace trees and the chosen environment: each
  // input selected separately (stable references), the layers derived once per change.
  const workspaceId = useApp((s) => s.workspaceId);
  const environments = useApp((s) => s.environments);
  const trees = useApp((s) => s.trees);
  const saved = useApp((s) => activeTab(s).saved);
  const layers = useMemo(() => variableLayersOf({ workspaceId, environments, trees }, { saved }), [workspaceId, environments, trees, saved]);
  const highlight = useMemo(() => highlighter(layers), [layers]);
  const segments = useMemo(() => highlight(props.value), [highlight, props.value]);
  const hasToken = segments.some((s) => s.token);
  const input = useRef<HTMLInputElement>(null);
  const backdrop = useRef<HTMLDivElement>(null);
  const [hover, setHover] = useState<string | undefined>();

  useLayoutEffect(() => {
    const i = input.current;
    const b = backdrop.current;
    if (!i || !b) return;
    const cs = getComputedStyle(i);
    for (const k of COPIED) b.style[k] = cs[k];
    b.scrollLeft = i.scrollLeft;
  });

  const sync = (): void => {
    if (input.current && backdrop.current) backdrop.current.scrollLeft = input.current.scrollLeft;
  };
  /** The reference under the pointer (the backdrop takes no pointer events: measured). */
  const onMouseMove = (x: number): void => {
    const hit = [...(backdrop.current?.querySelectorAll<HTMLElement>('[data-var]') ?? [])].find((el) => {
      const r = el.getBoundingClientRect();
      return x >= r.left && x <= r.right;
    });
    setHover(hit?.dataset.title);
  };

  const { className, title, onScroll, ...rest } = props;
  return (
    <span className="var-input">
      <input
        {...rest}
        ref={input}
        className={className}
        title={hover ?? title}
        onScroll={(e) => (sync(), onScroll?.(e))}
        onSelect={sync}
        onKeyUp={sync}
        onMouseMove={(e) => hasToken && onMouseMove(e.clientX)}
        onMouseLeave={() => setHover(undefined)}
      />
      {hasToken && (
        <div className="var-backdrop" ref={backdrop} aria-hidden="true" data-testid="var-backdrop">
          {segments.map((s, i) =>
            s.token ? (
              <span key={i} data-var={s.token.name} data-title={s.token.title} data-testid="var-token" className={s.token.defined ? 'var-defined' : 'var-undefined'}>
                {s.text}
              </span>
            ) : (
              <span key={i}>{s.text}</span>
            ),
          )}
        </div>
      )}
    </span>
  );
}
