import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { looksLikeCmd, splitCommand } from '../../domain/curl/shell-words.js';

const words = (src: string) => splitCommand(src).words;

describe('shell words: POSIX sh', () => {
  it('quotes, escapes and concatenation', () => {
    assert.deepEqual(words(`curl a\\ b 'c d'"e f"g $'h\\ti' "\\$x \\"y\\" \\z"`), ['curl', 'a b', 'c de fg', 'h\ti', '$x "y" \\z']);
  });
  it('continuations: backslash (with trailing blanks), CRLF, PowerShell backtick', () => {
    assert.deepEqual(words('curl \\\n  -I \\  \r\n  x `\n  y'), ['curl', '-I', 'x', 'y']);
  });
  it('a new line, a pipe, ; or && ends the command; the rest is reported', () => {
    const r = splitCommand('curl x\ncurl y');
    assert.deepEqual(r.words, ['curl', 'x']);
    assert.equal(r.ignored, 'curl y');
    assert.equal(splitCommand('curl x; echo').ignored, '; echo');
  });
  it('variables are kept and reported once', () => {
    const r = splitCommand(`curl -H "Authorization: Bearer $TOKEN" "\${HOST}/x" $TOKEN '$NOT'`);
    assert.deepEqual(r.words, ['curl', '-H', 'Authorization: Bearer $TOKEN', '${HOST}/x', '$TOKEN', '$NOT']);
    assert.deepEqual(r.variables, ['$TOKEN', '$HOST']);
  });
  it('a # starts a comment only at a word start', () => {
    assert.deepEqual(words('curl http://x/#frag # note'), ['curl', 'http://x/#frag']);
  });
});

describe('shell words: Windows cmd', () => {
  it('is recognised by ^" or ^ at a line end', () => {
    assert.equal(looksLikeCmd('curl ^"x^"'), true);
    assert.equal(looksLikeCmd('curl x ^\n -I'), true);
    assert.equal(looksLikeCmd(`curl 'x' -d 'a^b'`), false);
    assert.equal(looksLikeCmd(`curl -d '{"re":"^\\"x"}' https://x`), false);
    assert.deepEqual(words(`curl -d '{"re":"^\\"x"}' https://x`), ['curl', '-d', '{"re":"^\\"x"}', 'https://x']);
  });
  it('carets escape outside quotes; inside plain quotes they are literal', () => {
    assert.deepEqual(words('curl ^"a^&b^" "c^d" ^\n  -I'), ['curl', 'a&b', 'c^d', '-I']);
  });
  it("the C runtime's backslash and quote rules", () => {
    assert.deepEqual(words('curl ^"a\\\\^" ^"b\\^"c^" d\\e "f""g" ^'), ['curl', 'a\\', 'b"c', 'd\\e', 'f"g']);
  });
  it('%VARIABLES% are reported', () => {
    assert.deepEqual(splitCommand('curl ^"%API_URL%/x^"').variables, ['%API_URL%']);
  });
  it('an unterminated quote is an error', () => {
    assert.throws(() => splitCommand('curl ^"x^" "abc ^'), /unterminated "/);
  });
});
