import { describe, expect, it } from 'vitest';
import { emptyDraft, type Draft } from '../composer/draft.js';
import { closeDecision } from './close-decision.js';

const draft = (patch: Partial<Draft> = {}): Draft => ({ ...emptyDraft('curl'), ...patch });
const saved = { workspaceId: 'w1', path: 'a.yaml', version: 'v1' };

describe('closeDecision', () => {
  it('keeps the last tab, and a tab that is not there', () => {
    expect(closeDecision({ draft: draft({ url: 'http://x/' }) }, 1)).toBe('keep');
    expect(closeDecision(undefined, 3)).toBe('keep');
  });

  it('closes a clean tab at once: a new one, one that only changed engine, a saved one as loaded', () => {
    expect(closeDecision({ draft: draft() }, 2)).toBe('close');
    expect(closeDecision({ draft: { ...draft(), options: { ...draft().options, engine: 'wininet' } } }, 2)).toBe('close');
    const base = draft({ url: 'http://x/a' });
    expect(closeDecision({ draft: base, baseline: base, saved }, 2)).toBe('close');
    // A blank header row is not a change.
    expect(closeDecision({ draft: { ...base, headers: [...base.headers, { name: '', value: '', enabled: true }] }, baseline: base, saved }, 2)).toBe('close');
  });

  it('asks for a saved request with unsaved changes, assertions among them', () => {
    const base = draft({ url: 'http://x/a' });
    expect(closeDecision({ draft: { ...base, url: 'http://x/b' }, baseline: base, saved }, 2)).toBe('ask');
    expect(closeDecision({ draft: { ...base, assertions: [{ kind: 'statusEquals', target: '200', value: '' }] }, baseline: base, saved }, 2)).toBe('ask');
    // Removing every assertion of a request saved without any is no change.
    expect(closeDecision({ draft: { ...base, assertions: [] }, baseline: base, saved }, 2)).toBe('close');
  });

  it('asks for a tab never saved that holds a request (a URL, an assertion row half typed)', () => {
    expect(closeDecision({ draft: draft({ url: 'http://x/' }) }, 2)).toBe('ask');
    expect(closeDecision({ draft: draft({ assertions: [{ kind: 'statusEquals', target: 'ab', value: '' }] }) }, 2)).toBe('ask');
  });
});
