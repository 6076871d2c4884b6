// Coordinators change the knowledge from chat: every change is previewed (before -> after) and
// kept as proposed; on confirmation it is validated like a file edit, recorded as "writing",
// written (to the directory, or as a commit pushed to the knowledge repository: knowledge-files.ts),
// served, recorded as applied and announced to subscribers. A change confirmed after someone else
// changed the same file is refused as a conflict instead of overwriting their work. Whatever
// fails, the coordinator gets an answer saying what to do.
import { randomBytes } from "node:crypto";
import type { Claims } from "../state/claims.js";
import { loadFromSources } from "../knowledge/load.js";
import { formatProblem } from "../knowledge/parse-file.js";
import { diffKnowledge } from "./diff.js";
import type { Compiled, KnowledgeStore } from "../live/store.js";
import type { Language } from "../knowledge/schema.js";
import type { IncomingMessage, Reply } from "../seam.js";
import { parseCommand, type Command } from "./commands.js";
import type { Coordinators } from "./coordinators.js";
import { planChange } from "./plan-change.js";
import { createAnnouncer } from "./announce.js";
import type { KnowledgeFiles } from "./knowledge-files.js";
import { curationReply, CURATION } from "./curation-phrases.js";
import { rightsFor } from "./rights.js";
import { fileNames, type Change, type FileChange, type StateStore, type Subscription } from "./state.js";

export interface CuratorOptions {
  store: KnowledgeStore;
  state: StateStore;
  /** Where confirmed changes are written and the history read from. */
  files: KnowledgeFiles;
  coordinators: Coordinators;
  announce?: (subscription: Subscription, reply: Reply) => Promise<void>;
  log?: (event: string, context: Record<string, unknown>) => void;
  now?: () => Date;
  /** With several instances: an announcement of a knowledge version is claimed, so it goes out once. */
  claims?: Claims;
}

export interface Curator {
  /**
   * The reply to a coordinator command, or undefined when the message is an ordinary question.
   * The language is asked for only when the message is a command: working it out means reading
   * the whole question, which the answer does anyway, so doing it for every message doubled
   * the core's time per question.
   */
  handle(message: IncomingMessage, language: () => Language): Promise<Reply | undefined>;
  /**
   * After the knowledge changed outside chat (the watcher reloaded the directory, or a new commit
   * was pulled): record it (the directory's history) and announce it, once across instances when
   * `version` names it (a commit).
   */
  knowledgeChanged(before: Compiled, after: Compiled, version?: string): Promise<void>;
  /**
   * Checks, writes and records a change at once, for the command line (`kb import`): whoever can
   * run it can edit the files anyway, so no coordinator rights are asked. The reply says what
   * changed, or why nothing did.
   */
  apply(files: FileChange[], by: { user: string; platform: string }, lang: Language): Promise<Reply>;
  /** What a change would do, in words (as a preview lists it), or the reply saying why it cannot be made. */
  describe(files: FileChange[], lang: Language): { words: string[] } | Reply;
}

const PENDING_MS = 15 * 60_000;

/** What went wrong, short enough for a chat line: "EROFS", "ENOSPC", "SQLITE_FULL"... */
export const failureReason = (err: unknown) => (err as { code?: string }).code ?? (err as Error).message;

/** How long the claim on announcing one knowledge version is kept (longer than any pull interval). */
const ANNOUNCED_MS = 24 * 60 * 60_000;

export function createCurator(o: CuratorOptions): Curator {
  const now = o.now ?? (() => new Date());
  const log = o.log ?? (() => {});
  const announcer = createAnnouncer(o.state, o.announce ?? (async () => {}), log);
  const newId = () => randomBytes(4).toString("hex");
  const diskText = (file: string) => o.files.text(file);
  /** Announces a change of the knowledge unless another instance has claimed this version. */
  const announce = async (before: Compiled, after: Compiled, version?: string) => {
    if (version && o.claims && !(await o.claims.claim(`announce:${version}`, ANNOUNCED_MS))) return;
    await announcer.announce(before.knowledge, after.knowledge);
  };

  /** The knowledge as it would be with the change's files replaced: the same checks as a file edit. */
  const validate = (changed: readonly FileChange[]) => {
    const k = o.store.current().knowledge;
    const names = new Set(changed.map((f) => f.file));
    const files = [...k.texts].filter(([f]) => !names.has(f)).map(([f, t]) => ({ file: f, text: t }));
    return loadFromSources([...files, ...changed.filter((f) => f.after !== "").map((f) => ({ file: f.file, text: f.after }))]);
  };

  /** Checked and put in words: the change to propose or apply, or the reply saying why not. */
  const prepare = (files: FileChange[], lang: Language): { summary: string[]; words: string[] } | Reply => {
    const current = o.store.current().knowledge;
    const candidate = validate(files);
    if (!candidate.ok) return curationReply(lang, CURATION[lang].invalid, candidate.problems.map(formatProblem), false);
    const words = diffKnowledge(current, candidate.knowledge, lang).map((c) => c.text);
    if (words.length === 0) return curationReply(lang, CURATION[lang].noChange, [], true);
    return { words, summary: lang === "fi" ? words : diffKnowledge(current, candidate.knowledge, "fi").map((c) => c.text) };
  };

  const preview = async (files: FileChange[], m: IncomingMessage, lang: Language, undoes?: string): Promise<Reply> => {
    const rights = rightsFor(files, o.store.current().knowledge);
    if (!o.coordinators.mayChange(m.userId, rights)) return refuse(m, lang, "change", { files: fileNames(files), rights });
    const ready = prepare(files, lang);
    if (!("summary" in ready)) return ready;
    const id = newId();
    const author = { user: m.userId ?? "", platform: m.platform, ...(m.userName ? { userName: m.userName } : {}) };
    await o.state.propose({ files, id, ...author, summary: ready.summary, rights, ...(undoes ? { undoes } : {}) }, new Date(now().getTime() + PENDING_MS));
    return curationReply(lang, CURATION[lang].preview(fileNames(files)), ready.words, true, [`vahvista ${id}`, `hylkää ${id}`]);
  };

  /** A pending change is confirmed or rejected by its author, or a coordinator with the same rights. */
  const mayDecide = (change: Change, m: IncomingMessage) => change.user === m.userId || o.coordinators.mayChange(m.userId, change.rights);

  /** `confirmedBy`: the coordinator who confirmed another's change (a commit's trailer names them). */
  const confirm = async (change: Change, confirmedBy: string | undefined, lang: Language): Promise<Reply> => {
    const p = CURATION[lang];
    const files = fileNames(change.files);
    const moved = change.files.filter((f) => diskText(f.file) !== f.before);
    if (moved.length) {
      await o.state.cancel(change.id);
      log("change conflict", { id: change.id, files: fileNames(moved), user: change.user });
      return curationReply(lang, p.conflict(fileNames(moved)), [], false);
    }
    const candidate = validate(change.files);
    if (!candidate.ok) return curationReply(lang, p.invalid, candidate.problems.map(formatProblem), false);
    // Recorded before the files are written: a stop from here on is settled later (knowledge-files.ts).
    if (!(await o.state.startWriting(change.id, now()))) return curationReply(lang, p.noPending(change.id), [], false);
    const before = o.store.current();
    const written = await o.files.write(change, confirmedBy);
    if (!written.ok) {
      log("change not written", { id: change.id, files, outcome: written.kind, ...("reason" in written ? { reason: written.reason } : {}) });
      // Only a passing failure leaves the change confirmable again; the rest end it.
      if (written.kind === "retry") {
        await o.state.writeFailed(change.id);
        return curationReply(lang, p.writeFailed(files, written.reason, change.id), [], false);
      }
      await o.state.markFailed(change.id);
      if (written.kind === "conflict") return curationReply(lang, p.conflict(files), [], false);
      if (written.kind === "refused") return curationReply(lang, p.refused(written.reason), [], false);
      return curationReply(lang, p.invalid, written.problems.map(formatProblem), false);
    }
    log("knowledge changed", { id: change.id, files, user: change.user, platform: change.platform, ...(written.commit ? { commit: written.commit } : {}) });
    try {
      await o.state.markApplied(change.id, written.at);
    } catch (err) {
      log("change applied but not recorded", { id: change.id, reason: failureReason(err) });
      return curationReply(lang, p.recordFailed(change.id, failureReason(err)), [], false);
    }
    await announce(before, written.compiled, written.commit);
    return curationReply(lang, p.applied(written.commit?.slice(0, 8) ?? change.id), change.summary, true);
  };

  const run = async (c: Command, m: IncomingMessage, lang: Language): Promise<Reply> => {
    const p = CURATION[lang];
    switch (c.kind) {
      case "history": {
        const lines = (await o.files.history(10)).map((r) => `${r.id} · ${r.at.slice(0, 16).replace("T", " ")} · ${r.user} · ${r.summary.join("; ") || fileNames(r.files)}`);
        return curationReply(lang, p.history, lines.length ? lines : [p.noHistory], true);
      }
      case "subscribe":
        return announcer.subscribe(m, c.regions, lang, o.store.current());
      case "unsubscribe":
        return announcer.unsubscribe(m, lang);
      case "cancel":
      case "confirm": {
        const change = await o.state.proposed(c.id, now());
        if (!change) return curationReply(lang, p.noPending(c.id), [], false);
        if (!mayDecide(change, m)) return refuse(m, lang, c.kind, { id: c.id, author: change.user });
        if (c.kind === "confirm") return confirm(change, m.userId === change.user ? undefined : m.userId, lang);
        return curationReply(lang, (await o.state.cancel(c.id)) ? p.cancelled(c.id) : p.noPending(c.id), [], true);
      }
      case "undo": {
        const record = await o.files.historyRecord(c.id);
        if (!record) return curationReply(lang, p.noHistoryRecord(c.id), [], false);
        const moved = record.files.filter((f) => diskText(f.file) !== f.after);
        if (moved.length) return curationReply(lang, p.conflict(fileNames(moved)), [], false);
        return preview(record.files.map((f) => ({ file: f.file, before: f.after, after: f.before })), m, lang, record.id);
      }
      default: {
        const planned = planChange(c, o.store.current(), lang, diskText);
        if ("error" in planned) return curationReply(lang, planned.error, planned.details ?? [], false);
        return preview(planned.files, m, lang);
      }
    }
  };

  /** Each file an edit on disk changed becomes an applied record, so the history and `peru` know it. */
  const recordFileEdits = async (before: Compiled, after: Compiled, changes: ReturnType<typeof diffKnowledge>) => {
    for (const file of after.knowledge.files) {
      const was = before.knowledge.texts.get(file) ?? "";
      const is = after.knowledge.texts.get(file) ?? "";
      // A change another process made through curation (`kb import`) is recorded already.
      if (was === is || (await o.state.isRecorded(file, is))) continue;
      const summary = changes.filter((c) => !c.regionId || file.includes(c.regionId)).map((c) => c.text);
      const files = [{ file, before: was, after: is }];
      await o.state.recordApplied({ id: newId(), at: now().toISOString(), user: "file", platform: "file", files, summary, rights: rightsFor(files, before.knowledge) });
    }
  };

  const refuse = (m: IncomingMessage, lang: Language, what: string, context: Record<string, unknown> = {}): Reply => {
    log("change refused: no rights", { ...context, user: m.userId, platform: m.platform, command: what });
    return curationReply(lang, what === "confirm" || what === "cancel" ? CURATION[lang].notYours : CURATION[lang].notCoordinator, [], false);
  };

  return {
    async handle(message, languageOf) {
      const command = parseCommand(message.text, message.attachment);
      if (!command) return undefined;
      const language = languageOf();
      // Anyone may subscribe a conversation they are in, see the history, or answer a preview
      // (confirm/cancel check the change's own rights); changing anything needs a coordinator.
      const open = ["subscribe", "unsubscribe", "history", "confirm", "cancel"].includes(command.kind);
      if (!open && !o.coordinators.isCoordinator(message.userId)) return refuse(message, language, command.kind);
      try {
        return await run(command, message, language);
      } catch (err) {
        log("curation command failed", { command: command.kind, user: message.userId, reason: failureReason(err) });
        return curationReply(language, CURATION[language].failed(failureReason(err)), [], false);
      }
    },
    async knowledgeChanged(before, after, version) {
      const changes = diffKnowledge(before.knowledge, after.knowledge, "fi");
      if (changes.length === 0) return;
      // A repository's edits are in its own log; a directory's are recorded here.
      if (o.files.recordsFileEdits) await recordFileEdits(before, after, changes).catch((err: unknown) => log("recording a file edit failed", { reason: failureReason(err) }));
      await announce(before, after, version);
    },
    describe: prepare,
    async apply(files, by, lang) {
      const ready = prepare(files, lang);
      if (!("summary" in ready)) return ready;
      const change: Change = { id: newId(), ...by, files, summary: ready.summary, rights: "all" };
      await o.state.propose(change, new Date(now().getTime() + PENDING_MS));
      return confirm(change, undefined, lang);
    },
  };
}
