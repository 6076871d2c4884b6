// Every message asks whether its conversation is a thread where coordinators answer a case (to
// relay the answer): almost never, and a database read each time. A conversation found without a
// case is remembered as such for a few seconds. That cannot hide a case: a case's thread is always
// a new one, started by the bot's own post just before the case is stored, so no message was seen
// there earlier (only a reply within the moment between the post and the stored case, which would
// miss the case even unremembered, keeps the thread's later replies waiting these seconds too).
import type { LoopStore } from "./store.js";

const QUIET_MS = 5_000;
/** Conversations remembered at most; all are forgotten when there are more (a cheap bound). */
const MAX_QUIET = 10_000;

/** The store with its look-up of a thread's case remembered while there is none. */
export function rememberQuietThreads(store: LoopStore, now: () => number, quietMs = QUIET_MS): LoopStore {
  const quiet = new Map<string, number>();
  return {
    ...store,
    async escalationInThread(thread) {
      const at = now();
      if ((quiet.get(thread) ?? 0) > at) return undefined;
      const e = await store.escalationInThread(thread);
      if (!e) {
        if (quiet.size >= MAX_QUIET) quiet.clear();
        quiet.set(thread, at + quietMs);
      }
      return e;
    },
    async addEscalation(e) {
      await store.addEscalation(e);
      quiet.delete(e.thread);
    },
  };
}
