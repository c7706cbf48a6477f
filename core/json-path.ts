// JSON paths from files and the page (chained variables, assertions), evaluated one way:
// jsonpath-plus with script evaluation off, so a path from a workspace file cannot run code.
import { JSONPath } from 'jsonpath-plus';

/** Every match of `path` in `json`, or the reason the path cannot be evaluated. */
export function jsonPathMatches(path: string, json: unknown): { matches: unknown[] } | { why: string } {
  try {
    return { matches: JSONPath({ path, json: json as object, eval: false, wrap: true }) as unknown[] };
  } catch (e) {
    return { why: `the path cannot be evaluated: ${(e as Error).message}` };
  }
}
