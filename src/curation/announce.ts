// Subscriptions and announcements: a conversation subscribes to all changes or to some regions,
// and after every applied change gets one short message saying what changed and from which source.
import type { Knowledge } from "../knowledge/load.js";
import { diffKnowledge } from "./diff.js";
import type { Compiled } from "../live/store.js";
import type { Language } from "../knowledge/schema.js";
import { renderText, pick } from "../answers/reply-builder.js";
import type { IncomingMessage, Reply, ReplySource } from "../seam.js";
import { CURATION, curationReply } from "./curation-phrases.js";
import type { StateStore, Subscription } from "./state.js";

export function createAnnouncer(state: StateStore, send: (s: Subscription, r: Reply) => Promise<void>, log: (e: string, c: Record<string, unknown>) => void) {
  return {
    async subscribe(m: IncomingMessage, regionsText: string, lang: Language, compiled: Compiled): Promise<Reply> {
      if (m.address === undefined) return curationReply(lang, CURATION[lang].cannotSubscribe, [], false);
      const regions = [...new Set(compiled.understander.understand(regionsText).regions.flatMap((r) => r.ids))];
      await state.subscribe({ platform: m.platform, address: m.address, conversationId: m.conversationId, regions, language: lang });
      const names = regions.map((id) => compiled.knowledge.regions.find((r) => r.id === id)!.names[lang]);
      return curationReply(lang, CURATION[lang].subscribed(names.length ? names.join(", ") : CURATION[lang].allRegions), [], true);
    },
    async unsubscribe(m: IncomingMessage, lang: Language): Promise<Reply> {
      return curationReply(lang, (await state.unsubscribe(m.conversationId)) ? CURATION[lang].unsubscribed : CURATION[lang].notSubscribed, [], true);
    },
    /** One message per subscriber per change, in the subscriber's language; failures are logged. */
    async announce(before: Knowledge, after: Knowledge): Promise<void> {
      const byLanguage = new Map<Language, ReturnType<typeof diffKnowledge>>();
      const changesIn = (lang: Language) => byLanguage.get(lang) ?? byLanguage.set(lang, diffKnowledge(before, after, lang)).get(lang)!;
      for (const s of await state.subscriptions()) {
        const changes = changesIn(s.language).filter((c) => s.regions.length === 0 || (c.regionId && s.regions.includes(c.regionId)));
        if (changes.length === 0) continue;
        const sources: ReplySource[] = [...new Set(changes.flatMap((c) => c.sources))].flatMap((id) => {
          const src = after.sources.get(id);
          return src ? [{ id, title: pick(src.title, s.language).text, publisher: src.publisher, describes: pick(src.describes, s.language).text }] : [];
        });
        const reply = { ...curationReply(s.language, CURATION[s.language].announcement, changes.map((c) => c.text), true), sources };
        try {
          await send(s, { ...reply, text: renderText(reply) });
        } catch (err) {
          log("announcement failed", { platform: s.platform, conversation: s.conversationId, error: (err as Error).message });
        }
      }
    },
  };
}
