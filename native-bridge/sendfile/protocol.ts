// Messages between the catch server and its sendfile worker.
export interface TransmitJob {
  /** The connected socket's fd; the main thread does not write to it until the job is done. */
  socketFd: number;
  file: string;
  start: number;
  count: number;
  /** Int32 flag: set to 1 to stop (the client went away). */
  cancel: SharedArrayBuffer;
}

export type TransmitResult = { sent: number; error?: string };
