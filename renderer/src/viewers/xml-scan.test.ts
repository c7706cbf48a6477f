import { describe, expect, it } from 'vitest';
import { scanMarkup } from './xml-scan.js';

describe('scanMarkup', () => {
  it('finds the end of each kind of markup', () => {
    const at = (text: string) => scanMarkup(text, 0);
    expect(at('<!-- a > b -->x')).toEqual({ kind: 'comment', end: 14, strayLt: -1 });
    expect(at('<![CDATA[<x>]]>y')).toEqual({ kind: 'cdata', end: 15, strayLt: -1 });
    expect(at('<?pi a>b?>z')).toEqual({ kind: 'pi', end: 10, strayLt: -1 });
    expect(at('<!DOCTYPE a>b')).toEqual({ kind: 'doctype', end: 12, strayLt: -1 });
    expect(at('<!DOCTYPE n [<!ENTITY w "a>b">]>z')).toEqual({ kind: 'doctype', end: 32, strayLt: -1 });
    expect(at(`<a t="x>y" u='1>2'>z`)).toEqual({ kind: 'tag', end: 19, strayLt: -1 });
    expect(at('</a >')).toEqual({ kind: 'tag', end: 5, strayLt: -1 });
  });

  it('says when markup does not close, and where a tag meets a bare "<"', () => {
    expect(scanMarkup('<!-- open', 0).end).toBe(-1);
    expect(scanMarkup('<!DOCTYPE a [x', 0).end).toBe(-1);
    expect(scanMarkup('<a t="open>', 0).end).toBe(-1);
    expect(scanMarkup('<a <b>', 0)).toEqual({ kind: 'tag', end: 6, strayLt: 3 });
    expect(scanMarkup('x<a "<">', 1)).toEqual({ kind: 'tag', end: 8, strayLt: -1 });
  });
});
