// Files the user picked for upload. The UI only ever holds a random token, never a path,
// so a compromised renderer cannot make the core read arbitrary files.
import crypto from 'node:crypto';
import fs from 'node:fs/promises';
import path from 'node:path';
import { CommandFailure, type AppHooks } from './command-failure.js';

export type PickResult = { picked: true; fileToken: string; name: string; size: number } | { picked: false };

export class Uploads {
  private readonly paths = new Map<string, string>();

  constructor(private readonly hooks: AppHooks) {}

  async pick(): Promise<PickResult> {
    const file = await this.hooks.chooseUploadFile();
    if (file === undefined) return { picked: false };
    let size: number;
    try {
      const st = await fs.stat(file);
      if (!st.isFile()) throw new Error('not a regular file');
      size = st.size;
    } catch (e) {
      throw new CommandFailure('UPLOAD_UNREADABLE', `cannot upload ${file}: ${(e as Error).message}`);
    }
    const fileToken = crypto.randomBytes(16).toString('hex');
    this.paths.set(fileToken, file);
    return { picked: true, fileToken, name: path.basename(file), size };
  }

  pathFor(token: string): string {
    const file = this.paths.get(token);
    if (file === undefined) throw new CommandFailure('UNKNOWN_FILE_TOKEN', `no picked file for token ${JSON.stringify(token)}; pick the file again`);
    return file;
  }
}
