// A Postman collection (v2.0 or v2.1, read by the maintained postman-collection SDK) as a
// plan of what to write: the collection as one folder, its folders nested, each request a
// saved request in Postman's order (seq), names made unique per folder the way the
// workspace compares them, and the notes of what could not be carried over, per item.
import postman, { type EventList, type Item, type ItemGroup } from 'postman-collection';
import { MAX_IMPORT_REQUESTS } from '../../contract/import.js';
import type { Variable } from '../../contract/variables.js';
import type { SavedRequest } from '../../contract/workspace.js';
import { CommandFailure } from '../command-failure.js';
import { portableFileName } from '../file-name.js';
import { requestFileName, sameFileKey } from '../workspace/item-names.js';
import { draftOf, scriptNotes } from './postman-request.js';
import { variablesOf, type PostmanVariableLike } from './postman-variables.js';

export interface PlannedFolder {
  kind: 'folder';
  /** Its directory's name: portable, unique among its siblings. */
  name: string;
  variables: Variable[];
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
const MAX_DEPTH = 32;
const MAX_NAME = 200;

/** `json` (already checked to name a v2.0/v2.1 schema) as the folder to write and how many requests it holds. */
export function planCollection(json: unknown): { root: PlannedFolder; requests: number } {
  // A CommonJS package: its classes come from the default export.
  const collection = new postman.Collection(json as ConstructorParameters<typeof postman.Collection>[0]);
  const count = { requests: 0 };
  const root = folderOf(collection, collection.name || 'Imported collection', 0, count);
  // The file's own list: the SDK turns a type it does not know ("secret") into "any".
  const raw = (json as { variable?: unknown }).variable;
  const vars = variablesOf(Array.isArray(raw) ? (raw as PostmanVariableLike[]) : []);
  root.variables = vars.variables;
  root.notes.push(...vars.notes);
  return { root, requests: count.requests };
}

function folderOf(group: ItemGroup, name: string, depth: number, count: { requests: number }): PlannedFolder {
  if (depth > MAX_DEPTH) throw new CommandFailure('IMPORT_TOO_DEEP', `the collection nests folders more than ${MAX_DEPTH} deep`);
  const folder: PlannedFolder = { kind: 'folder', name: folderName(name), variables: [], notes: [], items: [] };
  if (folder.name !== name.trim()) folder.notes.push(`folder ${JSON.stringify(name)} is stored as ${JSON.stringify(folder.name)} (a name every file system accepts)`);
  // Folders carry events at run time (the SDK keeps them), though its types do not say so.
  scriptNotes(group as ItemGroup & { events: EventList }, folder.notes);
  const taken = new Set<string>();
  for (const child of group.items.all() as Array<Item | ItemGroup>) {
    if (postman.ItemGroup.isItemGroup(child)) {
      const sub = folderOf(child as ItemGroup, child.name || 'Folder', depth + 1, count);
      sub.name = unique(sub.name, (c) => taken.has(sameFileKey(c)), sub.notes);
      taken.add(sameFileKey(sub.name));
      folder.items.push(sub);
      continue;
    }
    if (++count.requests > MAX_IMPORT_REQUESTS) throw new CommandFailure('IMPORT_TOO_MANY', `the collection holds more than ${MAX_IMPORT_REQUESTS} requests`);
    folder.items.push(requestOf(child as Item, taken, folder.items.length));
  }
  return folder;
}

function requestOf(item: Item, taken: Set<string>, seq: number): PlannedRequest {
  const notes: string[] = [];
  const request = draftOf(item, notes);
  const given = [...(item.name || '').trim()].slice(0, MAX_NAME).join('') || 'Untitled request';
  const fileOf = (n: string): string => {
    try {
      return sameFileKey(requestFileName(n));
    } catch {
      return '';
    }
  };
  const base = fileOf(given) ? given : 'Untitled request';
  const name = unique(base, (c) => taken.has(fileOf(c)) || taken.has(`name:${c.toLowerCase()}`), notes);
  taken.add(fileOf(name));
  taken.add(`name:${name.toLowerCase()}`);
  if (!request.url) notes.push('the request has no URL: give it one before sending');
  return { kind: 'request', saved: { name, request: { ...request, url: request.url || 'http://' }, seq }, notes };
}

function folderName(name: string): string {
  return portableFileName([...name.trim()].slice(0, MAX_NAME).join('')) || 'Folder';
}

/** `name`, else "name 2", "name 3"… (a note says so): Postman allows two items of one name, a folder here does not. */
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
