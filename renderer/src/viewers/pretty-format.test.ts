import { describe, expect, it } from 'vitest';
import { formatXml, xmlTokens } from './pretty-format';

describe('formatXml', () => {
  it('indents by tags and keeps comments, CDATA, PIs and doctypes whole', () => {
    const xml = '<?xml version="1.0"?><!DOCTYPE a><a x="1"><!-- c > d --><b>t</b><c/><![CDATA[<x>]]></a>';
    expect(formatXml(xml)).toEqual({
      ok: true,
      text: ['<?xml version="1.0"?>', '<!DOCTYPE a>', '<a x="1">', '  <!-- c > d -->', '  <b>', '    t', '  </b>', '  <c/>', '  <![CDATA[<x>]]>', '</a>'].join('\n'),
    });
  });

  it("a '>' inside a quoted attribute value does not end the tag", () => {
    expect([...xmlTokens(`<a t="x>y" u='1>2'>z</a>`)]).toEqual([`<a t="x>y" u='1>2'>`, 'z', '</a>']);
    expect(formatXml('<a><b c="->"/></a>')).toEqual({ ok: true, text: ['<a>', '  <b c="->"/>', '</a>'].join('\n') });
    expect([...xmlTokens('<a t="open>x')]).toEqual(['<a t="open>x']);
    expect([...xmlTokens('<!DOCTYPE n [<!ENTITY w "a">]><n/>')]).toEqual(['<!DOCTYPE n [<!ENTITY w "a">]>', '<n/>']);
  });

  it('an unterminated tag or comment is kept as text to the end', () => {
    expect([...xmlTokens('<a>x<b')]).toEqual(['<a>', 'x', '<b']);
    expect([...xmlTokens('<a><!-- open')]).toEqual(['<a>', '<!-- open']);
  });

  it('adversarial bodies (runs of "<", "<!--", "<?", "<!") are tokenized in one pass', () => {
    const n = 1 << 20;
    const t0 = performance.now();
    for (const body of ['<'.repeat(n), '<!--'.repeat(n / 4), '<?'.repeat(n / 2), '<![CDATA['.repeat(n / 9), '<a '.repeat(n / 3), '<a "'.repeat(n / 4), "<a b='".repeat(n / 6), '<!'.repeat(n / 2), '<!['.repeat(n / 3), '<!x]'.repeat(n / 4)]) formatXml(body);
    // A bound far from a hang: the backtracking pattern was quadratic here (minutes at 1 MiB).
    expect(performance.now() - t0).toBeLessThan(5000);
  });
});
