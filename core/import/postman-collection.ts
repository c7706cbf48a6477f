// A Postman collection (v2.0 or v2.1, read by the maintained postman-collection SDK) as a
// plan of what to write (plan.ts): the collection as one folder, its folders nested, each
// request a saved request in Postman's order, a folder's variables on its folder, the
// scripts of every level, and the notes of what could not be carried over.
import postman, { type EventList, type Item, type ItemGroup } from 'postman-collection';
import { newFolder, RequestCount, Siblings, type PlannedFolder } from './plan.js';
import { draftOf, scriptsOf } from './postman-request.js';
import { variablesOf, type PostmanVariableLike } from './postman-variables.js';

/** `json` (already checked to name a v2.0/v2.1 schema) as the folder to write and how many requests it holds. */
export function planCollection(json: unknown): { root: PlannedFolder; requests: number } {
  // A CommonJS package: its classes come from the default export.
  const collection = new postman.Collection(json as ConstructorParameters<typeof postman.Collection>[0]);
  const count = new RequestCount();
  const root = folderOf(collection, collection.name || 'Imported collection', 0, count, json as RawGroup);
  // The file's own list: the SDK turns a type it does not know ("secret") into "any".
  const raw = (json as { variable?: unknown }).variable;
  const vars = variablesOf(Array.isArray(raw) ? (raw as PostmanVariableLike[]) : []);
  root.variables = vars.variables;
  root.notes.push(...vars.notes);
  return { root, requests: count.n };
}

/** The file's own item list beside the SDK's (same order): a folder's variables are read from it. */
interface RawGroup {
  item?: unknown;
  variable?: unknown;
}
const rawItems = (raw: RawGroup | undefined): RawGroup[] => (Array.isArray(raw?.item) ? (raw.item as RawGroup[]) : []);

function folderOf(group: ItemGroup, name: string, depth: number, count: RequestCount, raw: RawGroup | undefined): PlannedFolder {
  const folder = newFolder(name, depth);
  // Folders carry events at run time (the SDK keeps them), though its types do not say so.
  const scripts = scriptsOf(group as ItemGroup & { events: EventList }, folder.notes);
  if (scripts) folder.scripts = scripts;
  const siblings = new Siblings(folder);
  const raws = rawItems(raw);
  for (const [i, child] of (group.items.all() as Array<Item | ItemGroup>).entries()) {
    if (postman.ItemGroup.isItemGroup(child)) {
      const sub = folderOf(child as ItemGroup, child.name || 'Folder', depth + 1, count, raws[i]);
      const vars = variablesOf(Array.isArray(raws[i]?.variable) ? (raws[i]!.variable as PostmanVariableLike[]) : []);
      sub.variables = vars.variables;
      sub.notes.push(...vars.notes);
      siblings.addFolder(sub);
      continue;
    }
    count.add();
    const notes: string[] = [];
    const request = draftOf(child as Item, notes);
    siblings.addRequest(child.name || '', request, notes, scriptsOf(child as Item, notes));
  }
  return folder;
}
