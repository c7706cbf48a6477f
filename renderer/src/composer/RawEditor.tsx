// The raw body editor: a plain textarea. CodeMirror 6 was tried here and is blocked by the
// page's CSP (style-src 'self'): in Chromium it reports "Applying inline style violates
// ... style-src 'self'" twice on mount (it sets style attributes, e.g. tab-size on its
// content element), so it would need 'unsafe-inline', which we do not grant.
import type { RawType } from './body-model.js';

interface Props {
  value: string;
  type: RawType;
  onChange: (text: string) => void;
}

const PLACEHOLDER: Record<RawType, string> = { json: '{"key": "value"}', xml: '<root/>', text: 'Body text' };

export function RawEditor({ value, type, onChange }: Props) {
  return (
    <textarea
      data-testid="body-input"
      aria-label="Request body"
      className="body-input"
      spellCheck={false}
      placeholder={PLACEHOLDER[type]}
      value={value}
      onChange={(e) => onChange(e.target.value)}
    />
  );
}
