// The engine picker: the composer's per-request choice and the settings' default share it.
import type { Engine } from './draft.js';

export const ENGINES: readonly Engine[] = ['auto', 'curl', 'wininet'];

export function EngineSelect({ value, onChange, testId }: { value: Engine; onChange(engine: Engine): void; testId: string }) {
  return (
    <select data-testid={testId} value={value} onChange={(e) => onChange(e.target.value as Engine)}>
      {ENGINES.map((engine) => (
        <option key={engine} value={engine}>
          {engine}
        </option>
      ))}
    </select>
  );
}
