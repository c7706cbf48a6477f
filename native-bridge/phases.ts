// The phase derivation lives in the contract, shared with the UI.
export { derivePhases, type HopPhases, type Phases } from '../contract/phases.js';
