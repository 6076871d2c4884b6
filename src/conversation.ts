// Where a conversation's context (what "entä Kainuun?" refers to) is kept between questions. One
// instance keeps it in memory; several instances behind a load balancer keep it in a shared store
// (src/state/sql-conversations.ts), so a follow-up that lands on another instance still has it.
// The context travels as JSON.

/** Where contexts are kept. Implementations keep each until its expiry and may forget it earlier. */
export interface ConversationStore {
  /** The saved context, JSON. */
  get(conversationId: string): Promise<string | undefined>;
  /** expiresAt in milliseconds since the epoch. */
  set(conversationId: string, context: string, expiresAt: number): Promise<void>;
}

/** Contexts in this process's memory: the embedded default. At most `max`, the longest idle forgotten first. */
export function memoryConversations(max = 10_000, now: () => number = Date.now): ConversationStore {
  const map = new Map<string, { context: string; expiresAt: number }>();
  return {
    async get(id) {
      const hit = map.get(id);
      if (hit && hit.expiresAt <= now()) map.delete(id);
      return hit && hit.expiresAt > now() ? hit.context : undefined;
    },
    async set(id, context, expiresAt) {
      map.delete(id);
      map.set(id, { context, expiresAt });
      if (map.size > max) map.delete(map.keys().next().value!);
    },
  };
}
