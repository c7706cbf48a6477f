// Messages between the catch server and its sendfile worker.
export interface TransmitJob {
  /** A dup of the connected socket's fd (the main thread closes it after the job); nothing else writes to the socket until the job is done. */
  socketFd: number;
  file: string;
  start: number;
  count: number;
  /** Int32 flag: set to 1 to stop (the client went away). */
  cancel: SharedArrayBuffer;
}

export type TransmitResult = { sent: number; error?: string };
