// "Save response…": the core writes the body where the platform says (a native dialog, or
// browser mode's downloads folder).
import { describeError, type Platform } from '../platform/index.js';

/** Saves a response body (or a caught request's: saveCaughtBody); returns a line for the UI. */
export async function saveResponse(platform: Platform, id: string, command: 'saveBody' | 'saveCaughtBody' = 'saveBody', view: 'wire' | 'decoded' = 'wire'): Promise<string> {
  try {
    const r = command === 'saveBody' ? await platform.call(command, { id, view }) : await platform.call(command, { id });
    return r.saved ? `Saved ${r.bytes} bytes to ${r.path}` : 'Not saved.';
  } catch (e) {
    return `Save failed: ${describeError(e)}`;
  }
}
