// The webContents this app created, and the one page they may show. The IPC router
// answers only these: a webContents is trusted by id (ids are never reused while the
// process lives), and the sending frame must be the main frame showing the app's page.
// Written against small structural types so the router's test can use fakes.
import { APP_SCHEME } from './app-files.js';

/** The part of Electron's WebContents the router uses. */
export interface SenderLike {
  readonly id: number;
  isDestroyed(): boolean;
  send(channel: string, ...args: unknown[]): void;
}

/** The part of Electron's WebFrameMain the router uses. */
export interface FrameLike {
  readonly url: string;
  readonly parent: FrameLike | null;
}

export class AppContents {
  private readonly live = new Map<number, SenderLike>();

  /** @param appUrl the app:// URL of the renderer's index.html */
  constructor(readonly appUrl: string) {}

  /** Registers a webContents the app created; forget it with remove() when it is destroyed. */
  add(contents: SenderLike): void {
    this.live.set(contents.id, contents);
  }

  remove(id: number): void {
    this.live.delete(id);
  }

  /** The live app webContents (push targets). */
  list(): SenderLike[] {
    return [...this.live.values()].filter((c) => !c.isDestroyed());
  }

  /** True only for a live app webContents whose main frame shows the app's page. */
  isTrusted(sender: SenderLike, frame: FrameLike | null): boolean {
    if (this.live.get(sender.id) !== sender || sender.isDestroyed()) return false;
    // A null frame has navigated away or gone: nothing to vouch for it.
    if (!frame || frame.parent !== null) return false;
    return samePage(frame.url, this.appUrl);
  }
}

/** Same document, whatever the fragment (a renderer may route with #…). */
export function samePage(url: string, appUrl: string): boolean {
  try {
    const a = new URL(url);
    const b = new URL(appUrl);
    a.hash = '';
    b.hash = '';
    return a.protocol === `${APP_SCHEME}:` && a.href === b.href;
  } catch {
    return false;
  }
}
