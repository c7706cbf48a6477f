// The size of a file the user named (picked for upload, or given to import), or a
// CommandFailure with the caller's code that says why it cannot be read.
import fs from 'node:fs/promises';
import { CommandFailure } from './command-failure.js';

export async function regularFileSize(file: string, code: string, what: string): Promise<number> {
  try {
    const st = await fs.stat(file);
    if (!st.isFile()) throw new Error('not a regular file');
    return st.size;
  } catch (e) {
    throw new CommandFailure(code, `${what}: ${(e as Error).message}`);
  }
}
