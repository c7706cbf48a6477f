import { describe, expect, it } from 'vitest';
import { formatXml } from './xml-format.js';

const ok = (text: string) => {
  const r = formatXml(text);
  if (!r.ok) throw new Error(r.error);
  return r.text;
};

describe('formatXml', () => {
  it('indents elements by two spaces, the prolog kept', () => {
    expect(ok('<?xml version="1.0"?><a x="1 &amp; 2"><b>one</b><c/><d><e>two</e></d></a>')).toBe(
      ['<?xml version="1.0"?>', '<a x="1 &amp; 2">', '  <b>one</b>', '  <c/>', '  <d>', '    <e>two</e>', '  </d>', '</a>'].join('\n'),
    );
  });

  it('re-indents text already indented otherwise, and is stable', () => {
    const once = ok('<a>\n\t\t<b>1</b>\n      <b>2</b>\n</a>\n');
    expect(once).toBe('<a>\n  <b>1</b>\n  <b>2</b>\n</a>');
    expect(ok(once)).toBe(once);
  });

  it('keeps comments, CDATA, processing instructions, the DOCTYPE and mixed content as they are', () => {
    const text = '<!DOCTYPE note [<!ENTITY w "World">]><note><!-- c > d --><?pi some data?><p>Hello <i>&w;</i>, end </p><s><![CDATA[ <raw> & ]]></s><pre xml:space="preserve"><l>  a</l>\n <l/></pre></note>';
    expect(ok(text)).toBe(
      [
        '<!DOCTYPE note [<!ENTITY w "World">]>',
        '<note>',
        '  <!-- c > d -->',
        '  <?pi some data?>',
        '  <p>Hello <i>&w;</i>, end </p>',
        '  <s><![CDATA[ <raw> & ]]></s>',
        '  <pre xml:space="preserve"><l>  a</l>\n <l/></pre>',
        '</note>',
      ].join('\n'),
    );
  });

  it('a > inside an attribute value does not end the tag', () => {
    expect(ok('<a><b t="x > y"/></a>')).toBe('<a>\n  <b t="x > y"/>\n</a>');
  });

  it('says where malformed XML is wrong', () => {
    const bad = (text: string) => {
      const r = formatXml(text);
      return r.ok ? 'ok' : r.error;
    };
    expect(bad('<a><b></a>')).toBe('</a> at line 1, column 7 where </b> was expected');
    expect(bad('<a>\n<b>')).toBe('<b> is not closed');
    expect(bad('<a><!-- x </a>')).toBe('the comment at line 1, column 4 is not closed');
    expect(bad('<a></a><b/>')).toBe('a second root element at line 1, column 8');
    expect(bad('hello <a/>')).toBe('text outside the root element at line 1, column 1');
    expect(bad('<a x="1></a>')).toBe('the tag at line 1, column 1 is not closed');
    expect(bad('<a>1 < 2</a>')).toBe("a '<' not starting a tag at line 1, column 6");
    expect(bad('')).toBe('no root element');
  });
});
