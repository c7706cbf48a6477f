// The composer's view of `{{name}}` in a field: the text cut into plain runs and references,
// each reference defined (its value and scope on hover; a secret as ••••) or not (red,
// "undefined variable", or the cycle it is in; a chained one says which response it comes
// from: its value is known only when the core sends). Pure: no DOM.
import type { VariableLayer } from '../../../contract/variables.js';
import { describeChain } from '../../../domain/chain.js';
import { findVariables, variablePreviewer, type VariablePreview } from '../../../domain/variables.js';

export const SECRET_MASK = '••••';
/** A value longer than this is cut in the hover text. */
const SHOWN_CHARS = 200;

export interface VariableToken {
  name: string;
  defined: boolean;
  /** The hover text. */
  title: string;
}
export interface Segment {
  text: string;
  token?: VariableToken;
}

/** The layers with each secret's value as the mask, so a value that holds one shows it masked. */
function masked(layers: readonly VariableLayer[]): VariableLayer[] {
  return layers.map((l) => ({ ...l, variables: l.variables.map((v) => (v.secret ? { ...v, value: SECRET_MASK } : v)) }));
}

const cut = (s: string): string => (s.length > SHOWN_CHARS ? `${s.slice(0, SHOWN_CHARS)}…` : s);

function tokenOf(name: string, p: VariablePreview): VariableToken {
  if (!p.ok) return { name, defined: false, title: p.code === 'UNDEFINED_VARIABLE' ? `{{${name}}}: undefined variable` : p.message };
  if (p.builtin) return { name, defined: true, title: `{{${name}}}: ${p.value}` };
  const scope = p.scope ? ` (${p.scope.kind} ${JSON.stringify(p.scope.label)})` : '';
  if (p.from) return { name, defined: true, title: `{{${name}}}: from the response of ${describeChain(p.from)}${scope}` };
  return { name, defined: true, title: `{{${name}}} = ${p.secret ? SECRET_MASK : cut(p.value)}${scope}` };
}

/** A highlighter for `layers` (its lookups shared across fields); built-ins are always defined. */
export function highlighter(layers: readonly VariableLayer[]): (text: string) => Segment[] {
  const preview = variablePreviewer(masked(layers));
  return (text) => {
    const out: Segment[] = [];
    let at = 0;
    for (const s of findVariables(text)) {
      if (s.start > at) out.push({ text: text.slice(at, s.start) });
      out.push({ text: text.slice(s.start, s.end), token: tokenOf(s.name, preview(s.name)) });
      at = s.end;
    }
    if (at < text.length) out.push({ text: text.slice(at) });
    return out;
  };
}
