// Work over many items with a bound on how many run at once: requests to ECR, files being staged.

/**
 * Runs `work` over `items` with at most `limit` running at once; results keep the items' order. The
 * first error stops new items from starting and is thrown once every running one has ended.
 */
export async function mapWithConcurrency<T, R>(
  items: readonly T[],
  limit: number,
  work: (item: T, index: number) => Promise<R>,
  /** Checked before each item starts: once true, no more start (those running finish). */
  stop: () => boolean = () => false
): Promise<R[]> {
  const results = new Array<R>(items.length)
  let next = 0
  let failed = false
  const worker = async (): Promise<void> => {
    while (next < items.length && !failed && !stop()) {
      const index = next++
      try {
        results[index] = await work(items[index] as T, index)
      } catch (error) {
        failed = true
        throw error
      }
    }
  }
  const ended = await Promise.allSettled(Array.from({ length: Math.min(limit, items.length) }, worker))
  const rejected = ended.find((result) => result.status === 'rejected')
  if (rejected) throw rejected.reason
  return results
}
