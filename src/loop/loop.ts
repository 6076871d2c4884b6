// The loop around the bot: every question a person asks is logged with whether it was answered
// and what it was about; answers get 👍/👎 and, when the bot could not answer, "Kysy
// koordinaattorilta"; coordinators' replies are relayed back; chores remind about stale facts and
// forget old data. The core stays unaware: the loop wraps the Bot and adds Reply.loop.
import { pick } from "../answers/reply-builder.js";
import type { Coordinators } from "../curation/coordinators.js";
import { curationReply } from "../curation/curation-phrases.js";
import { parseCommand } from "../curation/commands.js";
import type { KnowledgeStore } from "../live/store.js";
import { limitQuestion } from "../question-limit.js";
import type { Bot, IncomingMessage, Language, Reply } from "../seam.js";
import { createEscalations, type Send } from "./escalation.js";
import { remindStale, type DirectAddress } from "./freshness.js";
import { parseLoopCommand, type LoopCommand } from "./loop-commands.js";
import { LOOP } from "./loop-phrases.js";
import { rememberQuietThreads } from "./quiet-threads.js";
import { reportReply, type NameOf } from "./report-format.js";
import { forgetOld } from "./retention.js";
import type { CoordinatorChannel, LoopStore, Rating } from "./store.js";

/** What adapters call when someone clicks a loop control; each returns what to show the clicker. */
export interface LoopActions {
  rate(questionId: string, rating: Rating): Promise<Reply>;
  reason(questionId: string, reason: string): Promise<Reply>;
  escalate(questionId: string, userId: string | undefined): Promise<Reply>;
  /** Threads the bot must read without being mentioned: coordinators answering an escalation. */
  watches(conversationId: string): Promise<boolean>;
}

export interface LoopOptions {
  store: LoopStore;
  knowledge: KnowledgeStore;
  coordinators: Coordinators;
  send: Send;
  retentionDays: number;
  now?: () => Date;
  log?: (event: string, context: Record<string, unknown>) => void;
  /** Direct messages to a platform user ("slack:U0123"), where the platform can open one. */
  direct?: DirectAddress;
  /**
   * The coordinators' channel named in the settings (COORDINATOR_CHANNEL): takes the questions no
   * channel registered with "kysymyskanava" takes, so escalation works without that step.
   */
  fallbackChannel?: () => CoordinatorChannel | undefined;
}

export interface Loop extends LoopActions {
  wrap(bot: Bot): Bot;
  /** Reminders about stale facts and the retention clean-up; the runtime runs them on a timer. */
  chores(): Promise<{ reminded: number; forgotten: number }>;
}

const MAX_REASON = 2000;

export function createLoop(o: LoopOptions): Loop {
  const now = o.now ?? (() => new Date());
  const regionName = (id: string, lang: Language) => o.knowledge.current().knowledge.regions.find((r) => r.id === id)?.names[lang];
  const nameOf = (lang: Language): NameOf => (id) => {
    const k = o.knowledge.current().knowledge;
    const entry = k.entries.find((e) => e.id === id);
    return regionName(id, lang) ?? (entry ? pick(entry.title, lang).text : id);
  };
  const log = o.log ?? (() => {});
  const fallback = o.fallbackChannel ?? (() => undefined);
  const cases = rememberQuietThreads(o.store, () => now().getTime());
  const escalations = createEscalations({ store: cases, send: o.send, now, regionName, log, fallback });
  const notice = (lang: Language, title: string) => curationReply(lang, title, [], true);
  // COORDINATOR_CHANNEL answers without a query; else a registered channel must exist.
  const canEscalate = async (address: unknown) => address !== undefined && (fallback() !== undefined || (await o.store.channels()).length > 0);

  const command = async (c: LoopCommand, m: IncomingMessage): Promise<Reply> => {
    const w = LOOP[c.language];
    if (!o.coordinators.isCoordinator(m.userId)) return notice(c.language, w.coordinatorsOnly);
    // Only a coordinator listed for all regions sees every organisation's questions.
    if (c.kind === "report") {
      const organisation = o.coordinators.mayChange(m.userId, "all") ? undefined : (m.organisation ?? "");
      return reportReply(await o.store.report(c.since, organisation), c.language, nameOf(c.language));
    }
    if (m.address === undefined) return notice(c.language, w.cannotChannel);
    const regions = [...new Set(o.knowledge.current().understander.understand(c.regions).regions.flatMap((r) => r.ids))];
    await o.store.setChannel({ platform: m.platform, conversationId: m.conversationId, address: m.address, regions, language: c.language });
    const names = regions.map((id) => regionName(id, c.language) ?? id);
    return notice(c.language, w.channelSet(names.length ? names.join(", ") : w.allRegions));
  };

  /**
   * Logs a person's question (not a coordinator's command) and adds the loop controls to its
   * answer. Only the id is needed for the reply; what the logged row holds is worked out when the
   * store writes it, after the answer has gone.
   */
  const logged = async (m: IncomingMessage, reply: Reply): Promise<Reply> => {
    if (m.userId === undefined || parseCommand(m.text, m.attachment)) return reply;
    const at = now().toISOString();
    const { knowledge, understander } = o.knowledge.current();
    const questionId = o.store.addQuestion(() => {
      const regionIds = new Set(knowledge.regions.map((r) => r.id));
      // An unanswered reply names no entries, but the question may still name a region to route by.
      // What was answered is what is logged: the first MAX_QUESTION_CHARS, never a 40 000-character text.
      const text = limitQuestion(m).message.text;
      // A question that named no region goes to the asker's home region's coordinators.
      const said = reply.answered ? [] : understander.understand(text, m.locale).regions.flatMap((r) => r.ids);
      const named = said.length || !m.homeRegion ? said : [m.homeRegion];
      return {
        at,
        platform: m.platform,
        ...(m.organisation ? { organisation: m.organisation } : {}),
        conversationId: m.conversationId,
        userId: m.userId,
        ...(m.address !== undefined ? { address: m.address } : {}),
        text,
        language: reply.language,
        answered: reply.answered,
        regions: [...new Set([...reply.entryIds.filter((id) => regionIds.has(id)), ...named])],
        topics: reply.entryIds.filter((id) => !regionIds.has(id)),
      };
    });
    return { ...reply, loop: { questionId, ask: "rating", escalate: !reply.answered && (await canEscalate(m.address)) } };
  };

  return {
    wrap: (bot) => ({
      ...bot,
      async handle(m) {
        const relayed = m.startsThread ? undefined : await escalations.relay(m);
        if (relayed) return relayed;
        const c = parseLoopCommand(m.text);
        if (c) return command(c, m);
        return logged(m, await bot.handle(m));
      },
    }),
    async rate(questionId, rating) {
      const q = await o.store.question(questionId);
      if (!q) return notice("fi", LOOP.fi.noQuestion);
      await o.store.rate(questionId, rating, now().toISOString());
      const w = LOOP[q.language];
      if (rating === "up") return notice(q.language, w.thanks);
      const escalate = (await canEscalate(q.address)) && !(await o.store.escalationOf(questionId));
      return { ...notice(q.language, w.askReason), loop: { questionId, ask: "reason", escalate } };
    },
    async reason(questionId, reason) {
      const q = await o.store.question(questionId);
      const text = reason.trim().slice(0, MAX_REASON);
      if (q && text) await o.store.giveReason(questionId, text);
      return notice(q?.language ?? "fi", LOOP[q?.language ?? "fi"].thanks);
    },
    escalate: escalations.escalate,
    watches: async (conversationId) => (await cases.escalationInThread(conversationId)) !== undefined,
    async chores() {
      const at = now();
      const forgotten = (await forgetOld(o.store, at, o.retentionDays)).questions;
      const reminded = await remindStale(o.knowledge.current().knowledge, o.store, o.send, o.direct ?? (() => undefined), at, log);
      return { reminded, forgotten };
    },
  };
}
