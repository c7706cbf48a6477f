// assert.rejects predicate: a CommandFailure with this code (and a message that matches).
import assert from 'node:assert/strict';
import { CommandFailure } from '../../core/app-core.js';

export function failsWith(code: string, message?: RegExp) {
  return (e: unknown): boolean => {
    assert.ok(e instanceof CommandFailure, `expected a CommandFailure, got ${String(e)}`);
    assert.equal(e.code, code, e.message);
    if (message) assert.match(e.message, message);
    return true;
  };
}
