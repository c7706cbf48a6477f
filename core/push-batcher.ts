// Events of every request gathered (engine/batcher.ts) and pushed to the UI about once a
// frame (16 ms): a download produces thousands of events a second, and one IPC message per
// event would cost more than the rendering it feeds. A request's head and end do not wait
// for the frame: they take what is queued along at the end of the task, so the status line
// is not held behind a fast transfer's progress; and of that progress only each request's
// latest goes (core/progress-coalesce.ts). This is the last batch on the way:
// the Electron router and the browser-mode socket pass each push on as it is. The catch server's events go the same way, in a
// push of their own kind with the summaries of the requests they changed, and so do a
// workspace's trees when it changed (core/workspace/), and word that a workspace's cookies
// changed (core/cookie-store.ts).
import type { Push } from '../contract/api.js';
import type { CatchEvent, CaughtSummary } from '../contract/catch.js';
import type { WorkspaceTree } from '../contract/workspace.js';
import type { InetEvent } from '../contract/events.js';
import { Batcher } from '../engine/batcher.js';
import { coalesceProgress } from './progress-coalesce.js';
import type { Log } from './command-failure.js';

const FRAME_MS = 16;

type Pending = { event: InetEvent } | { caught: CatchEvent; summary: CaughtSummary } | { tree: WorkspaceTree } | { cookies: string };

export class PushBatcher {
  private readonly batch = new Batcher<Pending>((items) => this.deliver(items), FRAME_MS);
  private readonly listeners = new Set<(push: Push) => void>();

  constructor(private readonly log: Log) {}

  add(event: InetEvent): void {
    this.batch.add({ event }, event.type === 'headers' || event.type === 'finished');
  }

  /** `summary` is the caught request's live summary: it is copied when the batch leaves. */
  addCaught(event: CatchEvent, summary: CaughtSummary): void {
    this.batch.add({ caught: event, summary });
  }

  /** A workspace's tree after a change; of several in one batch, each workspace's latest goes. */
  addWorkspace(tree: WorkspaceTree): void {
    this.batch.add({ tree });
  }

  /** A workspace's cookies changed; of several in one batch, one push per workspace goes. */
  addCookies(workspaceId: string): void {
    this.batch.add({ cookies: workspaceId });
  }

  subscribe(listener: (push: Push) => void): () => void {
    this.listeners.add(listener);
    return () => void this.listeners.delete(listener);
  }

  flush(): void {
    this.batch.flush();
  }

  private deliver(items: Pending[]): void {
    const events = coalesceProgress(items.flatMap((i) => ('event' in i ? [i.event] : [])));
    const caught = items.flatMap((i) => ('caught' in i ? [i.caught] : []));
    if (events.length > 0) this.emit({ kind: 'events', events });
    const trees = new Map(items.flatMap((i) => ('tree' in i ? [[i.tree.info.id, i.tree] as const] : [])));
    for (const tree of trees.values()) this.emit({ kind: 'workspace', tree });
    for (const id of new Set(items.flatMap((i) => ('cookies' in i ? [i.cookies] : [])))) this.emit({ kind: 'cookies', id });
    if (caught.length === 0) return;
    const changed = new Map(items.flatMap((i) => ('summary' in i ? [[i.summary.id, i.summary] as const] : [])));
    this.emit({ kind: 'caught', events: caught, requests: [...changed.values()].map((s) => structuredClone(s)) });
  }

  private emit(push: Push): void {
    for (const l of this.listeners) {
      try {
        l(push);
      } catch (e) {
        // One broken listener (a closed window) must not starve the others.
        this.log(`push listener failed: ${(e as Error).message}`);
      }
    }
  }
}
