// The catch server's response rules as JSON (contract/catch.ts CatchRuleSchema), checked
// here with the contract's schema before they are sent; buttons add a rule of each kind.
// A file rule names its file by a token: the platform's native picker, or an upload.
import { useState } from 'react';
import { CatchRulesSchema, type CatchRuleInput } from '../../../contract/catch.js';
import { issueText } from '../../../contract/zod-issue.js';
import { usePlatform } from '../platform/platform-context.js';
import { uploadOne } from '../composer/uploader.js';
import { describeError } from '../platform/index.js';
import { applyRules } from './catch-actions.js';
import { useCatch } from './catch-store.js';

const TEMPLATES: Record<string, CatchRuleInput> = {
  Fixed: { match: { path: '/fixed' }, response: { kind: 'fixed', status: 200, headers: { 'Content-Type': 'application/json' }, body: '{"ok":true}' } },
  Echo: { match: { path: '/echo' }, response: { kind: 'echo' } },
  Delay: { match: { path: '/slow' }, response: { kind: 'summary' }, delayMs: 5000 },
  Throttle: { match: { path: '/throttled' }, response: { kind: 'echo' }, throttleBytesPerSecond: 65536 },
};

/** The rules in the text box, or a message naming what is wrong. */
export function parseRulesText(text: string): { rules: CatchRuleInput[] } | { error: string } {
  let json: unknown;
  try {
    json = text.trim() === '' ? [] : JSON.parse(text);
  } catch (e) {
    return { error: `The rules are not JSON: ${(e as Error).message}` };
  }
  const r = CatchRulesSchema.safeParse(json);
  if (!r.success) return { error: `Rule ${issueText(r.error, '(list)')}` };
  return { rules: json as CatchRuleInput[] };
}

export function RulesEditor({ text, setText }: { text: string; setText: (t: string) => void }) {
  const platform = usePlatform();
  const running = useCatch((s) => s.status.running);
  const [note, setNote] = useState('');
  const add = (rule: CatchRuleInput) => {
    const parsed = parseRulesText(text);
    const rules = 'rules' in parsed ? parsed.rules : [];
    setText(JSON.stringify([...rules, rule], null, 2));
  };
  const addFile = (fileToken: string, name: string) => add({ match: { path: `/files/${encodeURIComponent(name)}` }, response: { kind: 'file', fileToken } });
  const pickNative = async () => {
    const r = await platform.pickFile?.();
    if (r) addFile(r.fileToken, r.name);
  };
  const onBrowserFile = async (f: File) => {
    setNote(`Uploading ${f.name}…`);
    try {
      addFile(await uploadOne(platform, f), f.name);
      setNote('');
    } catch (e) {
      setNote(describeError(e));
    }
  };
  const apply = () => {
    const parsed = parseRulesText(text);
    if ('error' in parsed) return setNote(parsed.error);
    setNote('');
    if (running) void applyRules(platform, parsed.rules);
  };
  return (
    <div className="catch-rules">
      <h2>Rules <span className="muted">(first match answers; none: a JSON summary)</span></h2>
      <textarea data-testid="catch-rules" aria-label="Response rules (JSON)" spellCheck={false} value={text} onChange={(e) => setText(e.target.value)} placeholder='[{"match": {"path": "/hook"}, "response": {"kind": "fixed", "status": 204}}]' />
      <div className="catch-rule-buttons">
        {Object.entries(TEMPLATES).map(([label, rule]) => (
          <button key={label} type="button" className="btn btn-small" onClick={() => add(rule)}>{`+ ${label}`}</button>
        ))}
        {platform.pickFile ? (
          <button type="button" className="btn btn-small" onClick={() => void pickNative()}>+ File…</button>
        ) : (
          <label className="btn btn-small">
            + File…
            <input type="file" hidden data-testid="catch-rule-file" onChange={(e) => e.target.files?.[0] && void onBrowserFile(e.target.files[0])} />
          </label>
        )}
        <button type="button" className="btn btn-small" data-testid="catch-rules-apply" disabled={!running} onClick={apply}>Apply</button>
      </div>
      {note && <p className="error" data-testid="catch-rules-note">{note}</p>}
    </div>
  );
}
