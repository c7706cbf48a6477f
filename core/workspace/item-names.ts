// From the name a user gives an item to the name of its file or folder on disk: the one
// portable-name rule (core/file-name.ts), so a workspace made on Linux checks out on
// Windows and macOS. Those two compare names without case, so two names are the same
// file when they match ignoring case and Unicode normalization.
import { CommandFailure } from '../command-failure.js';
import { portableFileName } from '../file-name.js';

export const WORKSPACE_FILE = 'workspace.yaml';
export const FOLDER_FILE = 'folder.yaml';
export const REQUEST_EXT = '.yaml';

/** Stems the workspace's own files use: a request so named gets a leading "_". */
const RESERVED_STEMS = new Set(['workspace', 'folder']);

/** The file a request named `name` is stored in: "<portable name>.yaml". */
export function requestFileName(name: string): string {
  const stem = portableFileName(name);
  if (!stem) throw new CommandFailure('BAD_NAME', `${JSON.stringify(name)} leaves no usable file name (only dots, spaces or characters files cannot hold)`);
  return `${RESERVED_STEMS.has(stem.toLowerCase()) ? `_${stem}` : stem}${REQUEST_EXT}`;
}

/** A folder's name is its directory's: refused, with the portable form offered, if it is not portable. */
export function folderDirName(name: string): string {
  const trimmed = name.trim();
  const portable = portableFileName(trimmed);
  if (portable === trimmed) return portable;
  const offer = portable ? `: try ${JSON.stringify(portable)}` : '';
  throw new CommandFailure('BAD_NAME', `${JSON.stringify(name)} is not a folder name that Windows, macOS and Linux all accept (no / \\ : * ? " < > |, no leading dot, no trailing dot or space, no device name like CON)${offer}`);
}

/** Equal for two names that are one file on a case-insensitive file system. */
export function sameFileKey(fileName: string): string {
  return fileName.normalize('NFC').toLowerCase();
}

/** "<name> copy", then "<name> copy 2"…: the first that `taken` does not refuse. */
export function copyName(name: string, taken: (candidate: string) => boolean): string {
  for (let i = 1; i <= 1000; i++) {
    const candidate = i === 1 ? `${name} copy` : `${name} copy ${i}`;
    if (!taken(candidate)) return candidate;
  }
  throw new CommandFailure('NAME_TAKEN', `no free name for a copy of ${JSON.stringify(name)}`);
}
