// Home regions around the bot: the `kotialue` commands, and for every other message the home
// region that applies where it was written (the channel's setting, else its organisation's),
// handed to the core on IncomingMessage.homeRegion. The core decides whether a question uses it
// (answer.ts).
import type { Coordinators } from "../curation/coordinators.js";
import { curationReply } from "../curation/curation-phrases.js";
import { failureReason } from "../curation/curator.js";
import type { KnowledgeStore } from "../live/store.js";
import type { Bot, IncomingMessage, Reply } from "../seam.js";
import { parseHomeCommand, type HomeCommand, type HomeLevel } from "./commands.js";
import { HOME } from "./phrases.js";
import type { HomeRegionStore } from "./store.js";

export interface HomeRegionOptions {
  store: HomeRegionStore;
  knowledge: KnowledgeStore;
  coordinators: Coordinators;
  now?: () => Date;
  log?: (event: string, context: Record<string, unknown>) => void;
  /** How long a place's setting is reused for questions before it is read again (milliseconds); 0: read for every question. */
  cacheMs?: number;
}

/**
 * Every question needs its place's home region, and settings change rarely. With one instance,
 * every `kotialue` change goes through this process, which forgets what it remembered at once: a
 * place's setting is kept a few seconds, and a question costs no database read. With several
 * instances a change made on another would go unseen here for those seconds, so the runtime sets
 * 0 there: the setting is read for every question, in the round trip of the event's claim
 * (src/state/read-ahead.ts), and a change applies from the next question on every instance.
 */
const CACHE_MS = 5_000;
/** Places remembered at most; all are forgotten when there are more (a cheap bound). */
const MAX_CACHED = 10_000;

const LEVELS: HomeLevel[] = ["channel", "organisation"];

export function createHomeRegions(o: HomeRegionOptions) {
  const now = o.now ?? (() => new Date());
  const log = o.log ?? (() => {});
  const cacheMs = o.cacheMs ?? CACHE_MS;
  const cached = new Map<string, { region: string | undefined; until: number }>();
  const regionName = (id: string | undefined, lang: keyof typeof HOME) =>
    id === undefined ? undefined : (o.knowledge.current().knowledge.regions.find((r) => r.id === id)?.names[lang] ?? id);
  const placeOf = (level: HomeLevel, m: IncomingMessage) => (level === "channel" ? m.channel : m.organisation);

  const show = async (c: HomeCommand, m: IncomingMessage): Promise<Reply> => {
    const w = HOME[c.language];
    const settings = await o.store.settingsFor(m);
    const level = LEVELS.find((l) => settings[l]);
    const lines = level ? [w.applies(regionName(settings[level], c.language)!, w.level(level, m.platform))] : [w.noneApplies];
    for (const l of LEVELS) if (placeOf(l, m)) lines.push(w.setting(w.level(l, m.platform), regionName(settings[l], c.language)));
    return curationReply(c.language, w.title, [...lines, w.how], true);
  };

  const change = async (c: Exclude<HomeCommand, { kind: "show" }>, m: IncomingMessage): Promise<Reply> => {
    const w = HOME[c.language];
    const place = placeOf(c.level, m);
    const level = w.level(c.level, m.platform);
    if (!place) return curationReply(c.language, w.noPlace, [], false);
    const { understander } = o.knowledge.current();
    const region = c.kind === "set" ? understander.understand(c.regions).regions.map((r) => r.ids) : [];
    const ids = [...new Set(region.flat())];
    if (c.kind === "set" && (ids.length !== 1 || region.length !== 1)) return curationReply(c.language, w.whichRegion, [], false);
    const current = (await o.store.settingsFor({ [c.level]: place }))[c.level];
    // Rights over the region set and the one it replaces: a region's coordinator changes only their own.
    const touched = [...ids, ...(current ? [current] : [])];
    if (!o.coordinators.isCoordinator(m.userId) || (touched.length > 0 && !o.coordinators.mayChange(m.userId, touched))) {
      log("home region refused: no rights", { user: m.userId, level: c.level, place });
      return curationReply(c.language, w.notAllowed, [], false);
    }
    if (c.kind === "clear") {
      const cleared = await o.store.clear(c.level, place);
      cached.clear();
      log("home region cleared", { user: m.userId, level: c.level, place });
      return curationReply(c.language, cleared ? w.cleared(level) : w.notSet(level), [], true);
    }
    await o.store.set({ level: c.level, place, region: ids[0]!, setBy: m.userId ?? "", at: now().toISOString() });
    // An organisation's setting applies in all its channels: every remembered place is forgotten.
    cached.clear();
    log("home region set", { user: m.userId, level: c.level, place, region: ids[0] });
    return curationReply(c.language, w.set(regionName(ids[0], c.language)!, level), [], true);
  };

  /** The narrowest setting where the message was written; a store that fails costs only the home region. */
  const homeRegionOf = async (m: IncomingMessage): Promise<string | undefined> => {
    if (!m.channel && !m.organisation) return undefined;
    const key = `${m.channel ?? ""}\n${m.organisation ?? ""}`;
    const at = now().getTime();
    const hit = cached.get(key);
    if (hit && hit.until > at) return hit.region;
    try {
      const region = await o.store.regionFor(m);
      if (cacheMs > 0) {
        if (cached.size >= MAX_CACHED) cached.clear();
        cached.set(key, { region, until: at + cacheMs });
      }
      return region;
    } catch (err) {
      log("home region not read", { reason: failureReason(err) });
      return undefined;
    }
  };

  return {
    wrap: (bot: Bot): Bot => ({
      ...bot,
      async handle(m) {
        const c = parseHomeCommand(m.text);
        if (!c) {
          const homeRegion = await homeRegionOf(m);
          return bot.handle(homeRegion ? { ...m, homeRegion } : m);
        }
        try {
          return c.kind === "show" ? await show(c, m) : await change(c, m);
        } catch (err) {
          log("home region command failed", { command: c.kind, reason: failureReason(err) });
          return curationReply(c.language, HOME[c.language].failed(failureReason(err)), [], false);
        }
      },
    }),
  };
}
