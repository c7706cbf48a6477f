// The variables the page knows for the active request: the scopes (outermost first) the
// composer highlights `{{name}}` against, and the send context the core resolves them with.
// Filled from the workspace tree and the selected environment; secrets' values arrive as ''.
import type { StateCreator } from 'zustand/vanilla';
import type { SendContext, VariableLayer } from '../../../contract/variables.js';
import type { AppState } from '../app-store.js';

export interface VariablesSlice {
  variableLayers: VariableLayer[];
  /** Sent with each request; absent: the core resolves built-ins only. */
  sendContext?: SendContext;
  setVariables(layers: VariableLayer[], context?: SendContext): void;
}

export const createVariablesSlice: StateCreator<AppState, [], [], VariablesSlice> = (set) => ({
  variableLayers: [],
  setVariables: (variableLayers, sendContext) => set({ variableLayers, sendContext }),
});
