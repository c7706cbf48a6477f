// The one error type commands throw: a stable code the UI can branch on and a message
// that names the problem. Lives apart from app-core.ts so every store can throw it
// without an import cycle.
export class CommandFailure extends Error {
  constructor(
    readonly code: string,
    message: string,
  ) {
    super(message);
    this.name = 'CommandFailure';
  }
}

/** What the shell (Electron or browser mode) supplies: the user's choices of files. */
export interface AppHooks {
  chooseSavePath(suggestedName: string): Promise<string | undefined>;
  chooseUploadFile(): Promise<string | undefined>;
  /** A folder to open as a workspace (Electron's folder dialog); browser mode has none. */
  chooseWorkspaceFolder?(): Promise<string | undefined>;
  /** Opens a URL in the system browser (Electron: an OAuth sign-in); browser mode has none: the page opens it. */
  openExternal?(url: string): Promise<void>;
}

export type Log = (m: string) => void;
