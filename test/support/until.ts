// Polls a condition every 100 ms for at most `ms`: a bounded wait, never a timing assertion.
export async function until(test: () => boolean, ms: number): Promise<boolean> {
  for (const end = Date.now() + ms; Date.now() < end; await new Promise((r) => setTimeout(r, 100))) if (test()) return true;
  return test();
}
