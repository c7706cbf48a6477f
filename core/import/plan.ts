// What an import writes, planned before anything is: folders (their directory names) with
// their variables and items, each request a saved request in the source's order, names made
// unique per folder the way the workspace compares them (Postman and Insomnia allow two
// items of one name; a folder here does not), and the notes of what was not carried over.
import { MAX_IMPORT_REQUESTS } from '../../contract/import.js';
import type { RequestDraft } from '../../contract/request.js';
import type { Scripts } from '../../contract/scripts.js';
import type { Variable } from '../../contract/variables.js';
import type { SavedRequest } from '../../contract/workspace.js';
import { CommandFailure } from '../command-failure.js';
import { portableFileName } from '../file-name.js';
import { requestFileName, sameFileKey } from '../workspace/item-names.js';

export interface PlannedFolder {
  kind: 'folder';
  /** Its directory's name: portable, unique among its siblings. */
  name: string;
  variables: Variable[];
  /** Its pre-request and test scripts (a Postman folder's or collection's). */
  scripts?: Scripts;
  notes: string[];
  items: PlannedItem[];
}
export interface PlannedRequest {
  kind: 'request';
  saved: SavedRequest;
  notes: string[];
}
export type PlannedItem = PlannedFolder | PlannedRequest;

/** Deeper nesting would make paths longer than the workspace takes. */
export const MAX_DEPTH = 32;
const MAX_NAME = 200;

/** The requests planned so far, bounded. */
export class RequestCount {
  n = 0;
  add(): void {
    if (++this.n > MAX_IMPORT_REQUESTS) throw new CommandFailure('IMPORT_TOO_MANY', `the file holds more than ${MAX_IMPORT_REQUESTS} requests`);
  }
}

/** A folder named `name` (made portable, with a note if that changed it), not yet placed. */
export function newFolder(name: string, depth: number): PlannedFolder {
  if (depth > MAX_DEPTH) throw new CommandFailure('IMPORT_TOO_DEEP', `the file nests folders more than ${MAX_DEPTH} deep`);
  const trimmed = [...name.trim()].slice(0, MAX_NAME).join('');
  const dir = portableFileName(trimmed) || 'Folder';
  const notes = dir !== trimmed ? [`folder ${JSON.stringify(name)} is stored as ${JSON.stringify(dir)} (a name every file system accepts)`] : [];
  return { kind: 'folder', name: dir, variables: [], notes, items: [] };
}

/** Adds items to `folder`, each under a name no sibling takes. */
export class Siblings {
  private readonly taken = new Set<string>();
  constructor(private readonly folder: PlannedFolder) {}

  addFolder(sub: PlannedFolder): void {
    sub.name = unique(sub.name, (c) => this.taken.has(sameFileKey(c)), sub.notes);
    this.taken.add(sameFileKey(sub.name));
    this.folder.items.push(sub);
  }

  addRequest(given: string, request: RequestDraft, notes: string[], scripts?: Scripts): void {
    const trimmed = [...given.trim()].slice(0, MAX_NAME).join('');
    const base = fileKey(trimmed) ? trimmed : 'Untitled request';
    const name = unique(base, (c) => this.taken.has(fileKey(c)) || this.taken.has(`name:${c.toLowerCase()}`), notes);
    this.taken.add(fileKey(name));
    this.taken.add(`name:${name.toLowerCase()}`);
    if (!request.url) notes.push('the request has no URL: give it one before sending');
    this.folder.items.push({ kind: 'request', saved: { name, request: { ...request, url: request.url || 'http://' }, seq: this.folder.items.length, ...(scripts ? { scripts } : {}) }, notes });
  }
}

function fileKey(name: string): string {
  try {
    return sameFileKey(requestFileName(name));
  } catch {
    return '';
  }
}

/** `name`, else "name 2", "name 3"… (a note says so). */
function unique(name: string, taken: (candidate: string) => boolean, notes: string[]): string {
  if (!taken(name)) return name;
  for (let i = 2; i <= MAX_IMPORT_REQUESTS + 1; i++) {
    const candidate = `${name} ${i}`;
    if (!taken(candidate)) {
      notes.push(`renamed from ${JSON.stringify(name)}: another item in its folder has that name`);
      return candidate;
    }
  }
  throw new CommandFailure('NAME_TAKEN', `no free name for ${JSON.stringify(name)}`);
}
