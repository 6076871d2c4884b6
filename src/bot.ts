// The bot core's one entry point: a message and its conversation in, a Reply out. Knowledge
// comes from the live store on every question, so a reload is served from the next question on.
import { composeHelp, composeWelcome } from "./answers/compose-help.js";
import { composeReply } from "./answers/compose.js";
import { createReplyBuilder } from "./answers/reply-builder.js";
import type { ConversationStore } from "./conversation.js";
import type { Curator } from "./curation/curator.js";
import { limitQuestion, noteCutQuestion } from "./question-limit.js";
import type { KnowledgeStore } from "./knowledge/store.js";
import type { Bot, IncomingMessage, Language, Reply } from "./seam.js";
import { useHomeRegion } from "./understanding/home-region.js";
import { planFor, type Plan } from "./understanding/plan.js";

export interface BotOptions {
  store: KnowledgeStore;
  /** Milliseconds since the epoch; tests move time to expire conversations. */
  now?: () => number;
  /** How long a conversation's context lasts without a new question. */
  idleMs?: number;
  /** At most this many conversations are remembered; the longest idle is forgotten first. */
  maxConversations?: number;
  /** Coordinators' commands (changes, history, subscriptions); without it every message is a question. */
  curator?: Curator;
  /** Where handle() keeps conversations (a shared store when several instances run); memory by default. */
  conversations?: ConversationStore;
}

interface Context {
  plan: Plan;
  at: number;
  version: number;
}

export interface CoreBot extends Bot {
  /** The same as handle, synchronously: for the terminal, batch mode and the benchmark. */
  answer(message: IncomingMessage): Reply;
}

export function createBot(options: BotOptions): CoreBot {
  const now = options.now ?? Date.now;
  const idleMs = options.idleMs ?? 30 * 60_000;
  const max = options.maxConversations ?? 10_000;
  const contexts = new Map<string, Context>();

  const answer = (asked: IncomingMessage): Reply => {
    const { message, cut } = limitQuestion(asked);
    const { knowledge, understander, version } = options.store.current();
    const home = useHomeRegion(understander.understand(message.text, message.locale), message.homeRegion, knowledge, message.text);
    const u = home.understanding;
    const ctx = contexts.get(message.conversationId);
    // Context from other knowledge may name regions or entries that no longer exist.
    const previous = ctx && now() - ctx.at < idleMs && ctx.version === version ? ctx.plan : undefined;
    const plan = planFor(u, knowledge, previous, understander, message.text);
    const reply = home.note(composeReply(knowledge, plan, u, u.language, understander.index.passages));

    contexts.delete(message.conversationId);
    if (reply.answered || plan.kind === "unknown") contexts.set(message.conversationId, { plan, at: now(), version });
    if (contexts.size > max) contexts.delete(contexts.keys().next().value!);
    return cut ? noteCutQuestion(reply) : reply;
  };
  const fixed = (compose: typeof composeHelp) => (language: Language) => {
    const b = createReplyBuilder(options.store.current().knowledge, language);
    compose(b, options.store.current().knowledge);
    return b.build(true);
  };
  return {
    answer,
    help: fixed(composeHelp),
    welcome: fixed(composeWelcome),
    async handle(message) {
      if (options.curator) {
        const language = () => options.store.current().understander.understand(limitQuestion(message).message.text, message.locale).language;
        const reply = await options.curator.handle(message, language);
        if (reply) return reply;
      }
      const shared = options.conversations;
      if (!shared) return answer(message);
      // The context another instance may have saved replaces this one's memory of the conversation.
      const id = message.conversationId;
      const saved = await shared.get(id);
      const ctx = saved ? loadContext(saved, options.store.current().understander.index.passages) : undefined;
      contexts.delete(id);
      if (ctx) contexts.set(id, ctx);
      const reply = answer(message);
      const after = contexts.get(id);
      // No context after this answer ends the conversation's context everywhere (it expires at once).
      await shared.set(id, after ? JSON.stringify(after, saveValue) : "null", after ? after.at + idleMs : now());
      return reply;
    },
  };
}

// A context as JSON: a passage by its id (found again in the same knowledge), Sets and Maps as lists.
const saveValue = (key: string, v: unknown) =>
  v instanceof Set ? { $set: [...v] } : v instanceof Map ? { $map: [...v] } : key === "passage" && v && typeof v === "object" ? { $passage: (v as { id: string }).id } : v;

function loadContext(json: string, passages: Array<{ id: string }>): Context | undefined {
  const byId = new Map(passages.map((p) => [p.id, p]));
  let missing = false;
  const ctx = JSON.parse(json, (_key, v: unknown) => {
    if (!v || typeof v !== "object") return v;
    if ("$set" in v) return new Set(v.$set as unknown[]);
    if ("$map" in v) return new Map(v.$map as Array<[unknown, unknown]>);
    if ("$passage" in v) return byId.get(v.$passage as string) ?? ((missing = true), undefined);
    return v;
  }) as Context | null;
  return ctx && !missing ? ctx : undefined;
}
