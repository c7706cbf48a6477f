// The read side's bookkeeping (native-bridge/wininet/read-accounting.ts), under both semantics.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { ReadAccounting } from '../../native-bridge/wininet/read-accounting.js';
import { MAX_EMPTY_READS } from '../../native-bridge/wininet/request-limits.js';

describe('ReadAccounting', () => {
  it('Windows: the call\'s own count, whatever RESPONSE_RECEIVED said during it', () => {
    const r = new ReadAccounting(1024, false);
    r.beginRead();
    r.readPending();
    r.received(700);
    r.received(700);
    assert.deepEqual(r.completed(300), { bytes: 300 });
  });

  it('Wine: a pending read whose count reads 0 takes what RESPONSE_RECEIVED reported, once', () => {
    const r = new ReadAccounting(1024, true);
    r.beginRead();
    r.readPending();
    r.received(512);
    assert.deepEqual(r.completed(0), { bytes: 512 });
    r.beginRead();
    assert.deepEqual(r.completed(0), { next: 'probe' });
  });

  it('a 0-byte read is the end on Windows and is probed under Wine', () => {
    assert.deepEqual(new ReadAccounting(1024, false).completed(0), { next: 'eof' });
    assert.deepEqual(new ReadAccounting(1024, true).completed(0), { next: 'probe' });
  });

  it('a count over the buffer is INTERNAL / READ_COUNT_OVERRUN on both', () => {
    for (const wine of [false, true]) {
      const r = new ReadAccounting(1024, wine);
      r.beginRead();
      const out = r.completed(4096);
      assert.ok('error' in out && out.error.code === 'INTERNAL' && out.error.name === 'READ_COUNT_OVERRUN', JSON.stringify(out));
    }
  });

  it('a probe: 0 available is the end; a pending probe\'s count wins over the decoded one; endless empty reads give up', () => {
    const r = new ReadAccounting(1024, true);
    assert.deepEqual(r.probed(0), { next: 'eof' });
    r.asyncProbe(10);
    assert.deepEqual(r.probed(0), { next: 'read' });
    for (let i = 1; i < MAX_EMPTY_READS; i++) assert.deepEqual(r.probed(5), { next: 'read' });
    const last = r.probed(5);
    assert.ok('error' in last && last.error.name === 'EMPTY_READS', JSON.stringify(last));
  });

  it('bytes that arrive reset the empty-read count', () => {
    const r = new ReadAccounting(1024, true);
    for (let i = 0; i < MAX_EMPTY_READS; i++) r.probed(5);
    assert.deepEqual(r.completed(10), { bytes: 10 });
    assert.deepEqual(r.probed(5), { next: 'read' });
  });
});
