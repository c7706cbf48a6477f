// File-system steps the workspace store is built from: what counts as "read-only", a move
// that also works across disks (the trash is in the data dir, the workspace anywhere), and
// the lookups that turn a missing item into a NOT_FOUND naming it.
import fs from 'node:fs/promises';
import path from 'node:path';
import { CommandFailure } from '../command-failure.js';
import { FOLDER_FILE, REQUEST_EXT, WORKSPACE_FILE } from './item-names.js';

const READ_ONLY_CODES = new Set(['EACCES', 'EPERM', 'EROFS']);

/** A write refused because the place is read-only (the code is on the error or its cause: SaveTargetError). */
export function isReadOnlyError(e: unknown): boolean {
  const code = (e as NodeJS.ErrnoException | undefined)?.code ?? ((e as { cause?: NodeJS.ErrnoException } | undefined)?.cause?.code);
  return code !== undefined && READ_ONLY_CODES.has(code);
}

/** rename, or copy then remove where rename cannot cross file systems (EXDEV). */
export async function moveAcross(src: string, dst: string): Promise<void> {
  try {
    await fs.rename(src, dst);
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code !== 'EXDEV') throw e;
    await fs.cp(src, dst, { recursive: true, errorOnExist: true, force: false });
    await fs.rm(src, { recursive: true, force: true });
  }
}

export async function exists(abs: string): Promise<boolean> {
  return fs.lstat(abs).then(
    () => true,
    (e: NodeJS.ErrnoException) => (e.code === 'ENOENT' ? false : Promise.reject(e)),
  );
}

/** The parent folder's path of an item path ('' for the root's children). */
export function parentOf(rel: string): string {
  const i = rel.lastIndexOf('/');
  return i < 0 ? '' : rel.slice(0, i);
}

export function baseOf(rel: string): string {
  return rel.slice(rel.lastIndexOf('/') + 1);
}

/** The request file's bytes; NOT_FOUND naming the path if there is none. */
export async function readRequestFile(abs: string, rel: string): Promise<Buffer> {
  assertRequestPath(rel);
  try {
    return await fs.readFile(abs);
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    if (code === 'ENOENT' || code === 'EISDIR' || code === 'ENOTDIR') throw new CommandFailure('NOT_FOUND', `there is no saved request ${rel} in the workspace`);
    throw e;
  }
}

/** NOT_FOUND unless the path names a request's file (*.yaml, not the workspace's or a folder's own). */
export function assertRequestPath(rel: string): void {
  const name = baseOf(rel);
  if (!name.endsWith(REQUEST_EXT) || name === WORKSPACE_FILE || name === FOLDER_FILE) throw new CommandFailure('NOT_FOUND', `${rel || 'the root'} is not a saved request`);
}

/** NOT_FOUND naming the path unless it is a folder. */
export async function assertFolder(abs: string, rel: string): Promise<void> {
  const st = await fs.stat(abs).catch(() => undefined);
  if (!st?.isDirectory()) throw new CommandFailure('NOT_FOUND', rel === '' ? 'the workspace folder is gone' : `there is no folder ${rel} in the workspace`);
}

export async function readIfExists(abs: string): Promise<Buffer | undefined> {
  try {
    return await fs.readFile(abs);
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw e;
  }
}

/** Refuses a path through a symbolic link (a link in a pulled repository could point anywhere):
 * every part of `rel` that exists is checked, so no command reads or writes outside the root. */
export async function assertNoLinks(root: string, rel: string): Promise<void> {
  let at = root;
  for (const [i, segment] of rel.split('/').filter(Boolean).entries()) {
    at = path.join(at, segment);
    const st = await fs.lstat(at).catch((e: NodeJS.ErrnoException) => (e.code === 'ENOENT' || e.code === 'ENOTDIR' ? undefined : Promise.reject(e)));
    if (!st) return;
    if (st.isSymbolicLink()) throw new CommandFailure('BAD_INPUT', `${rel.split('/').slice(0, i + 1).join('/')} is a symbolic link: a workspace does not follow links`);
  }
}
