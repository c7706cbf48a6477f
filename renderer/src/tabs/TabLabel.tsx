// A tab's label: a click activates it; a double-click (or F2 on the focused tab) renames
// an unsaved tab in place: Enter keeps the name, Escape leaves it as it was, an empty name
// goes back to the method and path. A saved request's tab is named in Collections.
import { useState } from 'react';
import { useApp } from '../app-store.js';
import { MAX_TAB_TITLE, type Tab } from './tabs-slice.js';
import { tabTitle } from './tab-title.js';

export function TabLabel({ t, active, onPick }: { t: Tab; active: boolean; onPick(): void }) {
  const rename = useApp((s) => s.renameTab);
  const [editing, setEditing] = useState(false);
  const title = tabTitle(t);
  if (editing) {
    const done = (value: string | undefined) => {
      if (value !== undefined) rename(t.key, value);
      setEditing(false);
    };
    return (
      <input
        className="tab-rename"
        data-testid="tab-rename"
        aria-label="Tab name"
        defaultValue={t.title ?? ''}
        placeholder={title}
        maxLength={MAX_TAB_TITLE}
        autoFocus
        onKeyDown={(e) => {
          if (e.key === 'Enter') done(e.currentTarget.value);
          else if (e.key === 'Escape') done(undefined);
          else return;
          e.preventDefault();
          e.stopPropagation();
        }}
        onBlur={(e) => done(e.currentTarget.value)}
      />
    );
  }
  const canRename = !t.saved;
  return (
    <button
      role="tab"
      aria-selected={active}
      className="tab-label"
      title={t.saved ? `${title} — ${t.saved.path}` : `${title} (double-click or F2 to rename)`}
      onClick={onPick}
      onDoubleClick={() => canRename && setEditing(true)}
      onKeyDown={(e) => {
        if (e.key !== 'F2' || !canRename) return;
        e.preventDefault();
        setEditing(true);
      }}
    >
      {title}
    </button>
  );
}
