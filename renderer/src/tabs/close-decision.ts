// What closing a tab does: nothing for the last tab (a window always shows one), at once for
// a tab with nothing unsaved, else it asks (Save / Don't save / Cancel). Pure.
import { hasUnsavedWork, type Linked } from '../collections/dirty.js';

export type CloseDecision = 'keep' | 'close' | 'ask';

export function closeDecision(tab: Linked | undefined, tabCount: number): CloseDecision {
  if (!tab || tabCount <= 1) return 'keep';
  return hasUnsavedWork(tab) ? 'ask' : 'close';
}
