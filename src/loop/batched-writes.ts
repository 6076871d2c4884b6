// Writes that need not happen before a reply (the question log), gathered and made together a
// moment later: under load many share one transaction, whose commit is most of a write's cost.
// Batches are written one after another; a failed one is reported and the next still runs.

export interface BatchOptions {
  /** How long an item may wait to be written with others (milliseconds). */
  batchMs?: number;
  /** A batch whose write failed (disk full, database unreachable): its items are not written. */
  onError?: (err: unknown, items: number) => void;
}

/**
 * How long an item waits by default. At 25 ms a busy bot still wrote every few questions, each
 * batch with its own BEGIN and COMMIT on the thread that answers; 200 ms writes ten times fewer.
 * Readers of the log on this instance write the queue first, and a stop writes it too, so only a
 * crash loses more: the last fifth of a second of questions, never an answer.
 */
const BATCH_MS = 200;
/** Items queued at most this many before they are written at once. */
const MAX_QUEUED = 200;

export interface Batched<T> {
  add(item: T): void;
  /** Writes what is queued; resolves when it (and every batch before it) is written, rejects if this batch failed. */
  flush(): Promise<void>;
}

export function batchedWrites<T>(write: (items: T[]) => Promise<void>, o: BatchOptions = {}): Batched<T> {
  const queue: T[] = [];
  let timer: NodeJS.Timeout | undefined;
  let written: Promise<void> = Promise.resolve();
  const flush = (): Promise<void> => {
    clearTimeout(timer);
    timer = undefined;
    if (!queue.length) return written;
    const items = queue.splice(0);
    const batch = written.then(() => write(items));
    written = batch.catch((err: unknown) => o.onError?.(err, items.length));
    return batch;
  };
  // A write nobody waits for: its failure is reported through onError.
  const flushLater = () => void flush().catch(() => undefined);
  return {
    add(item) {
      queue.push(item);
      if (queue.length >= MAX_QUEUED) flushLater();
      else timer ??= setTimeout(flushLater, o.batchMs ?? BATCH_MS).unref();
    },
    flush,
  };
}
