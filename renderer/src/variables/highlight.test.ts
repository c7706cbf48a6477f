import { describe, expect, it } from 'vitest';
import type { VariableLayer } from '../../../contract/variables.js';
import { codeSnippet, LANGUAGES } from '../interop/code-export.js';
import { draftToRequest, emptyDraft, urlFieldProblem } from '../composer/draft.js';
import { withParams } from '../composer/url-params.js';
import { highlighter, SECRET_MASK } from './highlight.js';

const layers: VariableLayer[] = [
  { kind: 'workspace', label: 'Shop', variables: [{ name: 'host', value: 'shop.example', secret: false, enabled: true }] },
  {
    kind: 'environment',
    label: 'dev',
    variables: [
      { name: 'host', value: 'dev.example', secret: false, enabled: true },
      { name: 'token', value: '', secret: true, enabled: true },
      { name: 'auth', value: 'Bearer {{token}}', secret: false, enabled: true },
      { name: 'loop', value: '{{loop}}', secret: false, enabled: true },
    ],
  },
];

describe('highlighter', () => {
  const h = highlighter(layers);
  it('cuts the text into plain runs and references', () => {
    expect(h('https://{{host}}/a?k={{ nope }}').map((s) => [s.text, s.token?.defined])).toEqual([
      ['https://', undefined],
      ['{{host}}', true],
      ['/a?k=', undefined],
      ['{{ nope }}', false],
    ]);
    expect(h('no variables {{ here')).toEqual([{ text: 'no variables {{ here' }]);
  });
  it('a defined one shows its value and scope (the innermost wins); an undefined one says so', () => {
    const [host, nope] = h('{{host}}{{nope}}');
    expect(host!.token!.title).toBe('{{host}} = dev.example (environment "dev")');
    expect(nope!.token).toEqual({ name: 'nope', defined: false, title: '{{nope}}: undefined variable' });
  });
  it('a secret is masked, in its own value and in a value that holds it', () => {
    const [token, auth] = h('{{token}}{{auth}}');
    expect(token!.token!.title).toBe(`{{token}} = ${SECRET_MASK} (environment "dev")`);
    expect(auth!.token!.title).toBe(`{{auth}} = Bearer ${SECRET_MASK} (environment "dev")`);
  });
  it('built-ins are always defined (described, not run); a cycle is red with the cycle named', () => {
    const none = highlighter([]);
    expect(none('{{$guid}}')[0]!.token).toEqual({ name: '$guid', defined: true, title: '{{$guid}}: a new GUID at each use' });
    const loop = h('{{loop}}')[0]!.token!;
    expect(loop.defined).toBe(false);
    expect(loop.title).toMatch(/cycle: loop → loop/);
    // A name an object's prototype has is a name like any other.
    expect(none('{{toString}}{{constructor}}').map((s) => s.token?.defined)).toEqual([false, false]);
  });
});

describe('a chained variable in the highlighter', () => {
  const chained: VariableLayer[] = [
    {
      kind: 'workspace',
      label: 'Shop',
      variables: [
        { name: 'sid', value: '', secret: false, enabled: true, from: { request: 'auth/Login.yaml', source: 'body', path: '$.token' } },
        { name: 'auth', value: 'Bearer {{sid}}', secret: false, enabled: true },
      ],
    },
  ];
  it('says which response it comes from; a value using it shows the source in place', () => {
    const h = highlighter(chained);
    expect(h('{{sid}}')[0]!.token).toEqual({ name: 'sid', defined: true, title: '{{sid}}: from the response of auth/Login.yaml: $.token (workspace "Shop")' });
    expect(h('{{auth}}')[0]!.token!.title).toBe('{{auth}} = Bearer ‹auth/Login.yaml: $.token› (workspace "Shop")');
  });
});

describe('templates in the composer and its exports', () => {
  const draft = { ...emptyDraft(), url: '{{host}}/items?key={{token}}', headers: [{ name: 'Authorization', value: 'Bearer {{token}}', enabled: true }] };
  it('a URL holding {{…}} is not refused by the composer (the core checks it resolved)', () => {
    expect(urlFieldProblem('https://{{host}}:{{port}}/')).toBeUndefined();
    expect(urlFieldProblem('https://a b/')).toMatch(/space/);
    const r = draftToRequest(draft);
    expect(r.ok && r.request.url).toBe('{{host}}/items?key={{token}}');
  });
  it('a bearer token may hold {{token}}; basic auth, which the page encodes, is refused with a way out', () => {
    const bearer = draftToRequest({ ...draft, headers: [], auth: { kind: 'bearer', token: '{{token}}' } });
    expect(bearer.ok && bearer.request.headers).toEqual([{ name: 'Authorization', value: 'Bearer {{token}}', enabled: true }]);
    const basic = draftToRequest({ ...draft, auth: { kind: 'basic', user: 'me', password: '{{pw}}' } });
    expect(basic.ok === false && basic.message).toMatch(/Basic auth cannot hold \{\{variables\}\}/);
  });
  it('a query parameter edited to {{name}} stays a reference in the URL', () => {
    expect(withParams('https://h/?a=1', [{ name: 'a', value: '{{v}} x', enabled: true }])).toBe('https://h/?a={{v}}%20x');
  });
  it('Copy as cURL and every code snippet carry {{token}}, never a value', () => {
    const r = draftToRequest(draft);
    if (!r.ok) throw new Error(r.message);
    for (const lang of LANGUAGES) {
      const code = codeSnippet(r.request, lang.id);
      expect(code, lang.id).toMatch(/Bearer \{\{token\}\}/);
    }
  });
});
