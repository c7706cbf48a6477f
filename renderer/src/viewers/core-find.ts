// The next or previous match of a body search, asked of the core (searchBody scans the
// stored file): calls again from where a time-bounded scan stopped, and wraps once around
// the body's end or start, as an editor's search does.

export type FindDirection = 'forward' | 'backward';

type Found = Promise<{ offset?: number; resumeAt: number; total: number; complete: boolean }>;

/** One searchBody call for a body and view: the query, where from, which way. */
export type QueryFinder = (query: string, from: number, direction: FindDirection) => Found;

/** The same with the query bound. */
export type BodyFinder = (from: number, direction: FindDirection) => Found;

/** Calls a scan that ran out of time resumes: bounded, each call bounded in time by the core. */
const MAX_CALLS = 60;

async function findOneWay(find: BodyFinder, from: number, direction: FindDirection): Promise<{ offset?: number; total: number }> {
  let at = from;
  for (let i = 0; i < MAX_CALLS; i++) {
    const r = await find(at, direction);
    if (r.offset !== undefined || r.complete) return { offset: r.offset, total: r.total };
    at = r.resumeAt;
  }
  throw new Error('the search took too long (a minute) and stopped');
}

/** The match from `from` on (forward) or before it (backward), wrapping once; undefined: none. */
export async function findWrapping(find: BodyFinder, from: number, direction: FindDirection): Promise<number | undefined> {
  const first = await findOneWay(find, from, direction);
  if (first.offset !== undefined) return first.offset;
  const restart = direction === 'forward' ? 0 : first.total;
  if ((direction === 'forward' && from === 0) || (direction === 'backward' && from >= first.total)) return undefined;
  return (await findOneWay(find, restart, direction)).offset;
}
