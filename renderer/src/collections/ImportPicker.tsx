// The workspace menu's imports: one item per kind, and the page's file input where the
// platform has no native picker (kept outside the menu, which closes when an item is chosen).
import { useRef, type ReactNode } from 'react';
import { HiddenFileInput } from '../platform/HiddenFileInput.js';
import { usePlatform } from '../platform/platform-context.js';
import { importIntoWorkspace, type ImportKind } from './import-actions.js';

const IMPORTS: ReadonlyArray<[ImportKind, string]> = [
  ['collection', 'Import collection (Postman, Insomnia, OpenAPI)…'],
  ['environment', 'Import Postman environment…'],
];

export function ImportItems({ disabled, into, onPick }: { disabled: boolean; into: string | undefined; onPick(kind: ImportKind): void }) {
  return (
    <>
      {IMPORTS.map(([kind, label]) => (
        <li role="none" key={kind}>
          <button type="button" role="menuitem" data-testid={`workspace-import-${kind}`} disabled={disabled} title={`Into ${into ?? 'the workspace'}`} onClick={() => onPick(kind)}>
            {label}
          </button>
        </li>
      ))}
    </>
  );
}

export function useImportPicker(): { start(kind: ImportKind): void; input: ReactNode } {
  const platform = usePlatform();
  const fileInput = useRef<HTMLInputElement>(null);
  const importing = useRef<ImportKind>('collection');
  const start = (kind: ImportKind): void => {
    importing.current = kind;
    if (platform.pickFile) void importIntoWorkspace(platform, kind);
    else fileInput.current?.click();
  };
  const input = platform.pickFile ? null : (
    <HiddenFileInput ref={fileInput} accept=".json,.yaml,.yml,application/json" testId="workspace-import-file" onFile={(file) => void importIntoWorkspace(platform, importing.current, file)} />
  );
  return { start, input };
}
