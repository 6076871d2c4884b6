// What a conversation remembers between questions (the previous frame, what the answer listed,
// the plan for "kerro lisää"), and where it is kept. One instance keeps it in memory; several
// instances behind a load balancer keep it in a shared store, so a follow-up that lands on another
// instance still knows what "entä Kainuun?" refers to. The context travels as JSON: passages are
// saved by id and found again in the same knowledge version.
import type { Plan } from "./decision/plan.js";
import type { PassageHit } from "./retrieval/passage-index.js";
import type { Passage } from "./retrieval/passages.js";
import type { Previous } from "./understanding/follow-up.js";

export interface Context {
  previous: Previous;
  plan: Plan;
  /** When the context was saved (ms since the epoch) and from which knowledge version. */
  at: number;
  version: number;
}

/** Where contexts are kept. Implementations keep each until its expiry and may forget it earlier. */
export interface ConversationStore {
  get(conversationId: string): Promise<string | undefined>;
  /**
   * Keeps the context; the bot does not wait for it before replying, so it never rejects: a store
   * whose write can fail reports that itself. A get on the same store after set sees the context.
   */
  set(conversationId: string, context: string, expiresAt: number): Promise<void>;
}

/** Contexts kept in this process's memory (the embedded default), as they are: no JSON on the way. */
export interface MemoryContexts {
  get(id: string): Context | undefined;
  set(id: string, context: Context, expiresAt: number): void;
}

/** At most `max` contexts, the longest idle forgotten first. */
export function memoryContexts(max = 10_000, now: () => number = Date.now): MemoryContexts {
  const map = new Map<string, { context: Context; expiresAt: number }>();
  return {
    get(id) {
      const hit = map.get(id);
      if (hit && hit.expiresAt <= now()) map.delete(id);
      return hit && hit.expiresAt > now() ? hit.context : undefined;
    },
    set(id, context, expiresAt) {
      map.delete(id);
      map.set(id, { context, expiresAt });
      if (map.size > max) map.delete(map.keys().next().value!);
    },
  };
}

/** The interface's own in-memory implementation, for tests and a single instance that wants JSON anyway. */
export function memoryConversations(max = 10_000, now: () => number = Date.now): ConversationStore {
  const map = new Map<string, { context: string; expiresAt: number }>();
  return {
    async get(id) {
      const hit = map.get(id);
      return hit && hit.expiresAt > now() ? hit.context : undefined;
    },
    async set(id, context, expiresAt) {
      map.delete(id);
      map.set(id, { context, expiresAt });
      if (map.size > max) map.delete(map.keys().next().value!);
    },
  };
}

type SavedHit = { passage: string; score: number; matched: string[]; closeness: Array<[string, number]> };

export function saveContext(c: Context): string {
  return JSON.stringify({ ...c, plan: savePlan(c.plan) });
}

// The passages by id, once per knowledge version rather than once per question (there are
// hundreds, and a shared store reads a context before every answer).
const passagesById = new WeakMap<Passage[], Map<string, Passage>>();

/** The context again, or undefined when it cannot be read against this knowledge (a passage is gone). */
export function loadContext(json: string, passages: Passage[]): Context | undefined {
  try {
    const raw = JSON.parse(json) as Context;
    let byId = passagesById.get(passages);
    if (!byId) passagesById.set(passages, (byId = new Map(passages.map((p) => [p.id, p]))));
    const plan = loadPlan(raw.plan, byId);
    return plan ? { ...raw, plan } : undefined;
  } catch {
    return undefined;
  }
}

function savePlan(plan: Plan): unknown {
  if (plan.kind === "more") return { ...plan, of: savePlan(plan.of) };
  if (plan.kind !== "passages") return plan;
  const hits: SavedHit[] = plan.hits.map((h) => ({ passage: h.passage.id, score: h.score, matched: [...h.matched], closeness: [...h.closeness] }));
  return { ...plan, hits };
}

function loadPlan(plan: Plan, byId: Map<string, Passage>): Plan | undefined {
  if (plan.kind === "more") {
    const of = loadPlan(plan.of, byId);
    return of && { kind: "more", of };
  }
  if (plan.kind !== "passages") return plan;
  const hits: PassageHit[] = [];
  for (const h of plan.hits as unknown as SavedHit[]) {
    const passage = byId.get(h.passage);
    if (!passage) return undefined;
    hits.push({ passage, score: h.score, matched: new Set(h.matched), closeness: new Map(h.closeness) });
  }
  return { ...plan, hits };
}
