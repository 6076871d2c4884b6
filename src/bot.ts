// The bot core's one entry point: a message and its conversation in, a Reply out. A message is
// read into a frame, edited into the conversation's previous frame, answered by the candidate the
// fitted model trusts (or refused), and composed. Knowledge comes from the live store on every
// question, so a reload is served from the next question on.
import { composeHelp, composeWelcome } from "./answers/compose-help.js";
import { composeReply } from "./answers/compose.js";
import { joinReplies } from "./answers/join-replies.js";
import { createReplyBuilder } from "./answers/reply-builder.js";
import type { Curator } from "./curation/curator.js";
import { decide, type Decision } from "./decision/decide.js";
import { loadAnswerModel, weightsOf, type AnswerModel } from "./decision/model.js";
import type { Plan } from "./decision/plan.js";
import { loadContext, memoryContexts, saveContext, type Context, type ConversationStore } from "./conversation.js";
import type { Knowledge } from "./knowledge/load.js";
import type { Compiled, KnowledgeStore } from "./live/store.js";
import { limitQuestion, noteCutQuestion } from "./question-limit.js";
import type { Bot, IncomingMessage, Language, Reply } from "./seam.js";
import { questionParts } from "./understanding/clauses.js";
import { continueFrame, type Previous } from "./understanding/follow-up.js";
import { readFrame } from "./understanding/frame.js";
import { useHomeRegion } from "./home-region/answer.js";

export interface BotOptions {
  store: KnowledgeStore;
  /** Milliseconds since the epoch; tests move time to expire conversations. */
  now?: () => number;
  /** How long a conversation's context lasts without a new question. */
  idleMs?: number;
  /** At most this many conversations are remembered in memory; the longest idle is forgotten first. */
  maxConversations?: number;
  /** Where handle() keeps conversations (a shared store when several instances run); memory by default. */
  conversations?: ConversationStore;
  /** Coordinators' commands (changes, history, subscriptions); without it every message is a question. */
  curator?: Curator;
  /** The answer model; the fitted one shipped in src/decision by default (cross-validation passes its own). */
  model?: AnswerModel;
  /** Sees every decision (the question report reads the candidates and their features). */
  onDecision?: (d: Decision, text: string) => void;
}

export interface CoreBot extends Bot {
  /** The same as handle, synchronously: for the terminal, batch mode and the benchmark. */
  answer(message: IncomingMessage): Reply;
}

const regionIdSets = new WeakMap<Knowledge, Set<string>>();
/** The knowledge's region ids, once per version. */
function regionIdsOf(k: Knowledge): Set<string> {
  let ids = regionIdSets.get(k);
  if (!ids) regionIdSets.set(k, (ids = new Set(k.regions.map((r) => r.id))));
  return ids;
}

/** The entry an answer came from: what "miksi?" or "kuinka monta?" may ask more of. */
function focusOf(plan: Plan, stepsId: string | undefined): string | undefined {
  if (plan.kind === "entry") return plan.id;
  if (plan.kind === "passages" && !plan.whichRegion) return plan.hits[0]?.passage.entryId;
  if (plan.kind === "steps") return stepsId;
  if (plan.kind === "more") return focusOf(plan.of, stepsId);
  return undefined;
}

export function createBot(options: BotOptions): CoreBot {
  const now = options.now ?? Date.now;
  const idleMs = options.idleMs ?? 30 * 60_000;
  const max = options.maxConversations ?? 10_000;
  const model = options.model ?? loadAnswerModel();
  const weights = weightsOf(model);
  const memory = memoryContexts(max, now);

  /** One question of a message, in its conversation's context; returns the reply and the new context. */
  const answerOne = (c: Compiled, text: string, message: IncomingMessage, ctx: Context | undefined): { reply: Reply; ctx: Context } => {
    const { knowledge: k, understander, version } = c;
    const locale = message.locale;
    const home = useHomeRegion(understander.understand(text, locale), message.homeRegion, k, text);
    const u = home.understanding;
    const readTopic = (item: string) => {
      const t = understander.understand(item, locale);
      return { terms: t.terms, topicWords: t.topicWords, entries: t.entries.filter((e) => e.score >= 0.5).map((e) => e.id) };
    };
    const frame = continueFrame(readFrame(u, text), ctx?.previous, readTopic);
    const decision = decide(frame, text, k, understander, ctx?.plan, weights);
    options.onDecision?.(decision, text);
    const reply = home.note(composeReply(k, decision.plan, u, u.language, understander.index.passages), frame.regions.length > 0);
    const listedRegions = reply.entryIds.filter((id) => regionIdsOf(k).has(id));
    const recentRegions = [...new Set([...frame.regions, ...(ctx?.previous.recentRegions ?? [])])].slice(0, 4);
    const focus = focusOf(decision.plan, k.steps?.id);
    // The ranking a region came from stays while the conversation keeps to that region.
    const ranking = frame.ranking ? frame : frame.kept.includes("regions") ? ctx?.previous.ranking : undefined;
    const previous: Previous = { frame, listedRegions, listedItems: reply.items, recentRegions, ...(focus ? { focus } : {}), ...(ranking ? { ranking } : {}) };
    return { reply, ctx: { previous, plan: decision.plan, at: now(), version } };
  };

  /** A message answered in its conversation's context; returns the reply and the context to keep. */
  const answerIn = (asked: IncomingMessage, stored: Context | undefined): { reply: Reply; ctx: Context } => {
    const { message, cut } = limitQuestion(asked);
    const compiled = options.store.current();
    // Context from other knowledge may name regions or entries that no longer exist.
    let ctx = stored && now() - stored.at < idleMs && stored.version === compiled.version ? stored : undefined;
    const replies: Reply[] = [];
    for (const part of questionParts(message.text, compiled.understander.readClauses)) {
      const r = answerOne(compiled, part, message, ctx);
      replies.push(r.reply);
      ctx = r.ctx;
    }
    const reply = replies.length === 1 ? replies[0]! : joinReplies(replies);
    return { reply: cut ? noteCutQuestion(reply) : reply, ctx: ctx! };
  };
  const answer = (message: IncomingMessage): Reply => {
    const { reply, ctx } = answerIn(message, memory.get(message.conversationId));
    memory.set(message.conversationId, ctx, now() + idleMs);
    return reply;
  };
  /** With a shared store the context travels as JSON between instances; otherwise it stays in memory. */
  const answerShared = async (message: IncomingMessage, shared: ConversationStore): Promise<Reply> => {
    const saved = await shared.get(message.conversationId);
    const { reply, ctx } = answerIn(message, saved ? loadContext(saved, options.store.current().understander.index.passages) : undefined);
    // Not waited for: the write lands while the reply is posted, before anyone can read it and ask on.
    void shared.set(message.conversationId, saveContext(ctx), now() + idleMs);
    return reply;
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
      return options.conversations ? answerShared(message, options.conversations) : answer(message);
    },
  };
}
