// Reading one JSON file of the data dir (a cookie jar, a token cache), bounded in size, with
// each way it can fail told apart because the callers act on them differently: a missing file
// is a fresh start, an unreadable one is left alone (never written over), a bad one is set
// aside (set-aside.ts). The cookie jars are read on a send, hence the synchronous twin.
import fs from 'node:fs';
import { reason } from './save-target.js';

export type DataFileRead<T> = { value: T } | { none: true } | { bad: string } | { unreadable: string };

/** The parsed JSON as the caller's value, or what is wrong with it, said after the file's name ("is not a ..."). */
export type DataFileDecode<T> = (json: unknown) => { value: T } | { bad: string };

export async function readDataFile<T>(file: string, maxBytes: number, decode: DataFileDecode<T>): Promise<DataFileRead<T>> {
  let text: string;
  try {
    if ((await fs.promises.stat(file)).size > maxBytes) return tooLarge(maxBytes);
    text = await fs.promises.readFile(file, 'utf8');
  } catch (err) {
    return notRead(err);
  }
  return decodeText(text, decode);
}

export function readDataFileSync<T>(file: string, maxBytes: number, decode: DataFileDecode<T>): DataFileRead<T> {
  let text: string;
  try {
    if (fs.statSync(file).size > maxBytes) return tooLarge(maxBytes);
    text = fs.readFileSync(file, 'utf8');
  } catch (err) {
    return notRead(err);
  }
  return decodeText(text, decode);
}

function tooLarge(maxBytes: number): { bad: string } {
  return { bad: `is larger than ${maxBytes} bytes` };
}

function notRead(err: unknown): { none: true } | { unreadable: string } {
  return (err as NodeJS.ErrnoException).code === 'ENOENT' ? { none: true } : { unreadable: reason(err) };
}

function decodeText<T>(text: string, decode: DataFileDecode<T>): DataFileRead<T> {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    return { bad: 'is not valid JSON' };
  }
  return decode(json);
}
