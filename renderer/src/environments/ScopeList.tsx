// The left side of Manage environments: the workspace's own variables ("Globals"), each
// environment (the one chosen in the top bar marked), "+" for a new one, then the folders
// that have variables. A scope with a problem is marked, so it can be found before Save.
import type { ScopeDraft } from './env-model.js';

function Item({ scope, label, selected, flagged, active, onPick }: { scope: ScopeDraft; label: string; selected: boolean; flagged: boolean; active?: boolean; onPick(): void }) {
  return (
    <li>
      <button type="button" className={`env-scope${selected ? ' selected' : ''}`} aria-current={selected || undefined} data-testid="env-scope" data-kind={scope.kind} data-name={scope.name} onClick={onPick}>
        <span className="env-scope-name">{label}</span>
        {active && (
          <span className="env-active muted" title="Chosen in the top bar">
            active
          </span>
        )}
        {flagged && (
          <span className="env-flag" aria-label="has a problem" title="Something here must be fixed before Save">
            !
          </span>
        )}
      </button>
    </li>
  );
}

export function ScopeList(props: { scopes: ScopeDraft[]; selected: string; flagged: Set<string>; chosen?: string; onPick(key: string): void; onAddEnvironment(): void }) {
  const { scopes, selected, flagged } = props;
  const item = (s: ScopeDraft, label: string, active?: boolean) => (
    <Item key={s.key} scope={s} label={label} selected={s.key === selected} flagged={flagged.has(s.key)} active={active} onPick={() => props.onPick(s.key)} />
  );
  const envs = scopes.filter((s) => s.kind === 'environment');
  const folders = scopes.filter((s) => s.kind === 'folder');
  return (
    <nav className="env-scopes" aria-label="Scopes">
      <ul>{scopes[0] && item(scopes[0], 'Globals')}</ul>
      <div className="env-heading">
        <span className="muted">Environments</span>
        <button type="button" className="btn-icon" data-testid="env-add-environment" aria-label="New environment" title="New environment" onClick={props.onAddEnvironment}>
          +
        </button>
      </div>
      <ul>
        {envs.map((s) => item(s, s.name.trim() || '(no name)', s.original !== undefined && s.original === props.chosen))}
        {envs.length === 0 && <li className="muted env-none">None yet</li>}
      </ul>
      {folders.length > 0 && (
        <>
          <div className="env-heading muted">Folders</div>
          <ul>{folders.map((s) => item(s, s.name))}</ul>
        </>
      )}
    </nav>
  );
}
