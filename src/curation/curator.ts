// Coordinators change the knowledge from chat: every change is previewed (before -> after),
// applied only on confirmation, validated like a file edit, written atomically, recorded in the
// history and announced to subscribers. A change confirmed after someone else changed the same
// file is refused as a conflict instead of overwriting their work.
import { existsSync, readFileSync } from "node:fs";
import { randomBytes } from "node:crypto";
import { join } from "node:path";
import { loadFromSources } from "../knowledge/load.js";
import { formatProblem } from "../knowledge/parse-file.js";
import { diffKnowledge } from "../knowledge/diff.js";
import type { Compiled, KnowledgeStore } from "../knowledge/store.js";
import type { Language } from "../knowledge/schema.js";
import type { IncomingMessage, Reply } from "../seam.js";
import { writeFileAtomic, type WriteHooks } from "./atomic-write.js";
import { parseCommand, type Command } from "./commands.js";
import type { Coordinators } from "./coordinators.js";
import { planChange, type PlannedChange } from "./plan-change.js";
import { createAnnouncer } from "./announce.js";
import { curationReply, CURATION } from "./curation-phrases.js";
import type { StateStore, Subscription } from "./state.js";

export interface CuratorOptions {
  store: KnowledgeStore;
  state: StateStore;
  coordinators: Coordinators;
  announce?: (subscription: Subscription, reply: Reply) => Promise<void>;
  log?: (event: string, context: Record<string, unknown>) => void;
  now?: () => Date;
  writeHooks?: WriteHooks;
}

export interface Curator {
  /** The reply to a coordinator command, or undefined when the message is an ordinary question. */
  handle(message: IncomingMessage, language: Language): Promise<Reply | undefined>;
  /** After the knowledge changed on disk (the watcher reloaded it): record and announce. */
  knowledgeChanged(before: Compiled, after: Compiled): Promise<void>;
}

interface Pending extends PlannedChange {
  id: string;
  user: string;
  platform: string;
  undoes?: string;
  expires: number;
}

const PENDING_MS = 15 * 60_000;

export function createCurator(o: CuratorOptions): Curator {
  const now = o.now ?? (() => new Date());
  const log = o.log ?? (() => {});
  const pending = new Map<string, Pending>();
  const announcer = createAnnouncer(o.state, o.announce ?? (async () => {}), log);
  const newId = () => randomBytes(3).toString("hex");
  const diskText = (file: string) => {
    const path = join(o.store.dir, file);
    return existsSync(path) ? readFileSync(path, "utf8") : "";
  };

  /** The knowledge as it would be with one file replaced: the same checks as a file edit. */
  const validate = (file: string, text: string) => {
    const k = o.store.current().knowledge;
    const files = [...k.texts].filter(([f]) => f !== file).map(([f, t]) => ({ file: f, text: t }));
    return loadFromSources([...files, { file, text }]);
  };

  const preview = (change: PlannedChange, m: IncomingMessage, lang: Language, undoes?: string): Reply => {
    const candidate = validate(change.file, change.after);
    if (!candidate.ok) return curationReply(lang, CURATION[lang].invalid, candidate.problems.map(formatProblem), false);
    const words = diffKnowledge(o.store.current().knowledge, candidate.knowledge, lang).map((c) => c.text);
    if (words.length === 0) return curationReply(lang, CURATION[lang].noChange, [], true);
    const id = newId();
    pending.set(id, { ...change, id, user: m.userId ?? "", platform: m.platform, ...(undoes ? { undoes } : {}), expires: now().getTime() + PENDING_MS });
    return curationReply(lang, CURATION[lang].preview(change.file), words, true, [`vahvista ${id}`, `hylkää ${id}`]);
  };

  const confirm = async (id: string, m: IncomingMessage, lang: Language): Promise<Reply> => {
    const p = CURATION[lang];
    const change = pending.get(id);
    if (!change || change.expires < now().getTime() || change.user !== m.userId) return curationReply(lang, p.noPending(id), [], false);
    pending.delete(id);
    if (diskText(change.file) !== change.before) {
      log("change conflict", { id, file: change.file, user: change.user });
      return curationReply(lang, p.conflict(change.file), [], false);
    }
    const candidate = validate(change.file, change.after);
    if (!candidate.ok) return curationReply(lang, p.invalid, candidate.problems.map(formatProblem), false);
    const before = o.store.current();
    writeFileAtomic(join(o.store.dir, change.file), change.after, o.writeHooks);
    const reloaded = o.store.reload();
    if (!reloaded.ok) return curationReply(lang, p.invalid, reloaded.problems.map(formatProblem), false);
    const changes = diffKnowledge(before.knowledge, reloaded.compiled.knowledge, "fi");
    const record = { id, at: now().toISOString(), user: change.user, platform: change.platform, file: change.file, summary: changes.map((c) => c.text), before: change.before, after: change.after, ...(change.undoes ? { undoes: change.undoes } : {}) };
    o.state.addHistory(record);
    log("knowledge changed", { id, file: change.file, user: change.user, platform: change.platform });
    await announcer.announce(before.knowledge, reloaded.compiled.knowledge);
    return curationReply(lang, p.applied(id), changes.map((c) => c.text), true);
  };

  const run = async (c: Command, m: IncomingMessage, lang: Language): Promise<Reply> => {
    const p = CURATION[lang];
    switch (c.kind) {
      case "history": {
        const lines = o.state.history().slice(-10).reverse().map((r) => `${r.id} · ${r.at.slice(0, 16).replace("T", " ")} · ${r.user} · ${r.summary.join("; ") || r.file}`);
        return curationReply(lang, p.history, lines.length ? lines : [p.noHistory], true);
      }
      case "subscribe":
        return announcer.subscribe(m, c.regions, lang, o.store.current());
      case "unsubscribe":
        return announcer.unsubscribe(m, lang);
      case "cancel":
        return curationReply(lang, pending.delete(c.id) ? p.cancelled(c.id) : p.noPending(c.id), [], true);
      case "confirm":
        return confirm(c.id, m, lang);
      case "undo": {
        const record = o.state.history().find((r) => r.id === c.id);
        if (!record) return curationReply(lang, p.noHistoryRecord(c.id), [], false);
        const regionId = o.store.current().knowledge.regions.find((r) => r.file === record.file)?.id;
        if (!o.coordinators.mayChange(m.userId, regionId)) return refuse(m, lang, c);
        if (diskText(record.file) !== record.after) return curationReply(lang, p.conflict(record.file), [], false);
        return preview({ file: record.file, before: record.after, after: record.before }, m, lang, record.id);
      }
      default: {
        const planned = planChange(c, o.store.current(), lang, (file) => diskText(file));
        if ("error" in planned) return curationReply(lang, planned.error, planned.details ?? [], false);
        if (!o.coordinators.mayChange(m.userId, planned.regionId)) return refuse(m, lang, c);
        return preview(planned, m, lang);
      }
    }
  };

  const refuse = (m: IncomingMessage, lang: Language, c: Command): Reply => {
    log("change refused: not a coordinator", { user: m.userId, platform: m.platform, command: c.kind });
    return curationReply(lang, CURATION[lang].notCoordinator, [], false);
  };

  return {
    async handle(message, language) {
      const command = parseCommand(message.text, message.attachment);
      if (!command) return undefined;
      const needsRights = !["subscribe", "unsubscribe", "history", "confirm", "cancel"].includes(command.kind);
      if (needsRights && !o.coordinators.isCoordinator(message.userId)) return refuse(message, language, command);
      return run(command, message, language);
    },
    async knowledgeChanged(before, after) {
      const changes = diffKnowledge(before.knowledge, after.knowledge, "fi");
      if (changes.length === 0) return;
      for (const file of after.knowledge.files) {
        const was = before.knowledge.texts.get(file) ?? "";
        const is = after.knowledge.texts.get(file) ?? "";
        if (was === is) continue;
        o.state.addHistory({ id: newId(), at: now().toISOString(), user: "file", platform: "file", file, summary: changes.filter((c) => !c.regionId || file.includes(c.regionId)).map((c) => c.text), before: was, after: is });
      }
      await announcer.announce(before.knowledge, after.knowledge);
    },
  };
}
