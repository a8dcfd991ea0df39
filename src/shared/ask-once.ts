/**
 * One answer per process (or run) for a question asked of GitHub, shared by
 * every caller while it is pending or once it is known; a failure is not
 * kept, so the next caller asks again.
 */
export function askOnce<T>(ask: () => Promise<T>): () => Promise<T> {
  let pending: Promise<T> | undefined;
  return () => {
    pending ??= ask().catch((error: unknown) => {
      pending = undefined;
      throw error;
    });
    return pending;
  };
}
