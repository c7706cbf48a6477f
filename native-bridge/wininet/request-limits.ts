// The request state machine's limits and its "pending" marker (request.ts, request-calls.ts).

/** step()'s answer when the call returned ERROR_IO_PENDING: REQUEST_COMPLETE resumes it. */
export const PENDING = -1;
/** Synchronous completions in a row before yielding to the event loop (cancel, other requests). */
export const SYNC_BURST = 32;
export const CLOSE_GRACE_MS = 10_000;
/** Wine never completes a pending receive whose handle was closed: finish without it. */
export const ABANDON_GRACE_MS = 500;
/** Zero-byte reads in a row while WinInet still reports data available: give up then. */
export const MAX_EMPTY_READS = 100;
