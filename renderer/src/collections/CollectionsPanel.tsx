// The Collections view of the sidebar: the workspace switcher, a search over names and URLs,
// New folder, the tree, the last report, and the workspace's problems (a file that could not
// be read: file, line, field, message), so a malformed file is visible, never dropped.
import { useApp } from '../app-store.js';
import type { WorkspaceProblem } from '../../../contract/workspace.js';
import { report, uiStore, useCollectionsUi } from './ui-store.js';
import { TreeView } from './TreeView.js';
import { WorkspaceSwitcher } from './WorkspaceSwitcher.js';
import { ReportLine } from '../sidebar/ReportLine.js';
import { SearchInput } from '../sidebar/SearchInput.js';
import './collections.css';

function SearchBox() {
  const query = useCollectionsUi((s) => s.query);
  return <SearchInput className="coll-search" testId="collections-search" label="Search the collections" placeholder="Search names and URLs" value={query} onChange={(q) => uiStore.setState({ query: q })} />;
}

const where = (p: WorkspaceProblem): string => `${p.path}${p.line !== undefined ? `:${p.line}` : ''}${p.field ? ` (${p.field})` : ''}`;
/** The message without the file's name when it starts with it (the line shows it already). */
const said = (p: WorkspaceProblem): string => (p.message.startsWith(`${p.path}: `) ? p.message.slice(p.path.length + 2) : p.message);

function Problems({ problems }: { problems: WorkspaceProblem[] }) {
  if (problems.length === 0) return null;
  return (
    <details className="coll-problems" data-testid="collections-problems" open>
      <summary>
        {problems.length} {problems.length === 1 ? 'file' : 'files'} could not be read (skipped, left as they are)
      </summary>
      <ul>
        {problems.map((p) => (
          <li key={`${p.path}:${p.line ?? ''}:${p.field ?? ''}`} data-testid="collections-problem" data-path={p.path}>
            <code>{where(p)}</code> {said(p)}
          </li>
        ))}
      </ul>
    </details>
  );
}

export function CollectionsPanel() {
  const id = useApp((s) => s.workspaceId);
  const tree = useApp((s) => (id !== undefined ? s.trees[id] : undefined));
  const lastReport = useCollectionsUi((s) => s.report);
  return (
    <section className="collections" data-testid="collections" aria-label="Collections">
      <WorkspaceSwitcher />
      <SearchBox />
      <div className="coll-toolbar">
        <button type="button" className="btn btn-small" data-testid="new-folder" disabled={!tree || tree.info.readOnly} onClick={() => uiStore.setState({ creatingIn: '' })}>
          New folder
        </button>
        <span className="muted coll-hint">Ctrl+S saves the tab here</span>
      </div>
      <ReportLine report={lastReport} testId="collections-report" onDismiss={() => report(undefined)} />
      {tree ? <TreeView tree={tree} /> : <p className="muted tree-empty">{id === undefined ? 'Connecting to the core…' : 'Reading the workspace…'}</p>}
      {tree && <Problems problems={tree.problems} />}
    </section>
  );
}
