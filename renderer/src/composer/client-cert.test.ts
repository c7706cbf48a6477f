import { describe, expect, it } from 'vitest';
import { ComposerDraftSchema } from '../../../contract/composer-draft.js';
import { RequestDraftSchema } from '../../../contract/request.js';
import { parseCurlCommand } from '../../../domain/curl/command.js';
import { forgetFiles } from '../tabs/tab-session.js';
import { importToDraft, requestToDraft } from '../interop/request-to-draft.js';
import { clientCertToContract, draftToRequest, emptyDraft, type Draft } from './draft.js';

const withCert = (clientCert: NonNullable<Draft['options']['clientCert']>): Draft => {
  const d = emptyDraft('curl');
  return { ...d, url: 'https://mtls.example/', options: { ...d.options, clientCert } };
};

describe('the composer\'s client certificate', () => {
  it('becomes the contract\'s: names, tokens once chosen, a key only for PEM, an empty password as none', () => {
    const pem = withCert({ cert: { name: 'me.pem', size: 9, fileToken: 't1' }, key: { name: 'me.key', size: 5, fileToken: 't2' }, type: 'PEM', password: '{{keyPass}}' });
    const r = draftToRequest(pem);
    expect(r.ok && r.request.clientCert).toEqual({ certName: 'me.pem', certToken: 't1', keyName: 'me.key', keyToken: 't2', type: 'PEM', password: '{{keyPass}}' });
    expect(r.ok && RequestDraftSchema.strict().parse(r.request).clientCert?.certToken).toBe('t1');
    expect(clientCertToContract({ cert: { name: 'me.p12', size: 1 }, key: { name: 'stale.key', size: 1, fileToken: 'x' }, type: 'P12', password: '' })).toEqual({ certName: 'me.p12', type: 'P12' });
  });

  it('a saved tab keeps the names only: both files must be chosen again, the session schema holds it', () => {
    const d = withCert({ cert: { name: 'me.pem', size: 9, localId: 'file-1' }, key: { name: 'me.key', size: 5, fileToken: 't2' }, type: 'PEM', password: 'pw' });
    const { draft, files } = forgetFiles(d);
    expect(draft.options.clientCert).toEqual({ cert: { name: 'me.pem', size: 9 }, key: { name: 'me.key', size: 5 }, type: 'PEM', password: 'pw' });
    expect(files).toEqual(['the client certificate (me.pem)', 'the client key (me.key)']);
    expect(ComposerDraftSchema.safeParse(draft).success).toBe(true);
  });

  it('a pasted curl -E comes in as names to choose, with a warning that says so; back from history with its tokens', () => {
    const imp = importToDraft(parseCurlCommand(`curl -E /c/me.p12:pw --cert-type P12 https://mtls.example/`), 'curl');
    expect(imp.draft.options.clientCert).toEqual({ cert: { name: '/c/me.p12', size: 0 }, type: 'P12', password: 'pw' });
    expect(imp.warnings.some((w) => /-E \/c\/me\.p12: choose the client certificate/.test(w))).toBe(true);
    const back = requestToDraft(RequestDraftSchema.parse({ url: 'https://h/', clientCert: { certName: 'a.pem', certToken: 'tok', type: 'PEM' } }), [], 'curl');
    expect(back.options.clientCert).toEqual({ cert: { name: 'a.pem', size: 0, fileToken: 'tok' }, type: 'PEM', password: '' });
  });
});
