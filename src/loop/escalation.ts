// "Kysy koordinaattorilta": a question the bot could not answer goes to the coordinators'
// channel (the region's own when one is registered for a region the question names, else a
// general one, else the one COORDINATOR_CHANNEL names), on whichever platform that channel is. A coordinator's reply in the thread the
// question opened there is relayed to the asker's own conversation, and the case is answered.
import { randomBytes } from "node:crypto";
import { curationReply } from "../curation/curation-phrases.js";
import type { IncomingMessage, Language, Reply } from "../seam.js";
import { LOOP } from "./loop-phrases.js";
import type { CoordinatorChannel, LoopStore, StoredQuestion } from "./store.js";

/**
 * Sends a reply through the adapter of a platform. With newThread the message starts a thread of
 * its own (not inside the thread the address may name), and the thread's conversation id is
 * returned, as that platform's adapter names conversations.
 */
export type Send = (platform: string, address: unknown, reply: Reply, options?: { newThread?: boolean }) => Promise<string | void>;

export interface EscalationDeps {
  store: LoopStore;
  send: Send;
  now: () => Date;
  regionName: (id: string, lang: Language) => string | undefined;
  log: (event: string, context: Record<string, unknown>) => void;
  /** Where a question goes when no registered channel takes it (COORDINATOR_CHANNEL). */
  fallback: () => CoordinatorChannel | undefined;
}

/** The region's channel when one serves a region the question names, else a general one. */
export function routeTo(channels: CoordinatorChannel[], regions: string[]): CoordinatorChannel | undefined {
  return channels.find((c) => c.regions.some((r) => regions.includes(r))) ?? channels.find((c) => c.regions.length === 0);
}

const notice = (lang: Language, title: string, lines: string[] = []) => curationReply(lang, title, lines, true);

export function createEscalations(d: EscalationDeps) {
  const regionNames = (q: StoredQuestion, lang: Language) => q.regions.map((r) => d.regionName(r, lang) ?? r);

  return {
    async escalate(questionId: string, userId: string | undefined): Promise<Reply> {
      const q = await d.store.question(questionId);
      if (!q || q.address === undefined) return notice(q?.language ?? "fi", LOOP[q?.language ?? "fi"].noQuestion);
      const w = LOOP[q.language];
      if (q.userId && userId !== q.userId) return notice(q.language, w.notYours);
      const existing = await d.store.escalationOf(questionId);
      if (existing) return notice(q.language, w.already(existing.id));
      const channel = routeTo(await d.store.channels(), q.regions) ?? d.fallback();
      if (!channel) return notice(q.language, w.noChannel);
      const id = randomBytes(3).toString("hex");
      const cw = LOOP[channel.language];
      const names = regionNames(q, channel.language);
      const lines = [q.text, ...(names.length ? [cw.caseRegions(names.join(", "))] : []), cw.caseHow];
      // The asker hears when the channel cannot be reached (its platform down, the bot removed).
      const thread = await d.send(channel.platform, channel.address, notice(channel.language, cw.caseTitle(id), lines), { newThread: true }).catch((err: unknown) => {
        d.log("escalation failed", { channel: channel.conversationId, error: (err as Error).message });
      });
      if (!thread) return notice(q.language, w.notSent);
      await d.store.addEscalation({ id, questionId, at: d.now().toISOString(), channel: channel.conversationId, thread, status: "open" });
      return notice(q.language, w.escalated(id));
    },

    /** A message in an escalation thread is a coordinator's answer; undefined for any other conversation. */
    async relay(m: IncomingMessage): Promise<Reply | undefined> {
      const e = await d.store.escalationInThread(m.conversationId);
      if (!e || !m.text.trim()) return undefined;
      const lang = [...(await d.store.channels()), d.fallback()].find((c) => c?.conversationId === e.channel)?.language ?? "fi";
      const w = LOOP[lang];
      const q = await d.store.question(e.questionId);
      if (!q?.address) return notice(lang, w.askerGone(e.id));
      const aw = LOOP[q.language];
      const answer: Reply = { ...notice(q.language, aw.relayTitle), paragraphs: [m.text, aw.yourQuestion(q.text)] };
      await d.send(q.platform, q.address, { ...answer, text: [aw.relayTitle, m.text, aw.yourQuestion(q.text)].join("\n") });
      await d.store.markAnswered(e.id, d.now().toISOString());
      const region = q.regions[0] && d.regionName(q.regions[0], "fi");
      // The curation commands are Finnish in every language; the coordinator adds the source id.
      const next = region ? w.toKnowledge(`huomio ${region} | ${m.text.replace(/\s+/g, " ")} | lähde <lähde-id>`) : w.toKnowledgeFile;
      return notice(lang, w.relayed(e.id), [next]);
    },
  };
}
