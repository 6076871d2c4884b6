// Confirmed changes as commits to the knowledge repository's branch, authored by the coordinator
// (the platform's name, an address at KNOWLEDGE_AUTHOR_DOMAIN) and committed by the bot. A push
// that loses a race to another commit is rebased onto it, the result validated as a whole, and
// pushed again; a rebase that conflicts is refused as a conflict, and a refusal by the repository
// (a protected branch, a hook) is reported in its own words. `historia` is the branch's git log and
// `peru` a revert commit. Each commit carries its change's id (a `Change-Id:` trailer), so a change
// left "writing" by a stopped instance is settled by any instance from the branch itself.
import { mkdirSync, writeFileSync, existsSync, readFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { GitError } from "./git.js";
import { REMOTE_HEAD, type GitKnowledge } from "./follow-branch.js";
import { isKnowledgePath } from "../../src/knowledge/load.js";
import type { KnowledgeFiles, Written } from "../../src/curation/knowledge-files.js";
import type { Change, HistoryRecord, StateStore } from "../../src/curation/state.js";

/** Pushes tried before giving up on a busy branch. */
const PUSHES = 3;
/**
 * A change "writing" for longer than this, with no commit on the branch, was never pushed: every
 * git call is limited to a minute (git.ts), so a live instance finishes its few calls well within it.
 */
export const SETTLE_AFTER_MS = 10 * 60_000;

const SEP = "\x1f";
const RECORD = "\x1e";

/** What git says when the branch moved on since our base: rebase and try again. */
const RACED = /\[rejected\].*\((fetch first|non-fast-forward)\)/;
/** What a repository says when it will not take the commit at all. */
const REFUSED = /\[remote rejected\]|hook declined|protected branch|permission|denied/i;

const emailOf = (userId: string, domain: string) => `${userId.replace(/[^A-Za-z0-9._-]+/g, ".")}@${domain}`;

function message(change: Change, confirmedBy: string | undefined, reverts?: { commit: string; subject: string }): string {
  const subject = reverts ? `Revert "${reverts.subject}"` : `${change.file}: ${change.summary[0] ?? "muutos"}`;
  const body = reverts ? [`This reverts commit ${reverts.commit}.`] : change.summary.map((s) => `- ${s}`);
  const trailers = [`Change-Id: ${change.id}`, `Coordinator: ${change.user}`, ...(confirmedBy ? [`Confirmed-by: ${confirmedBy}`] : [])];
  return [subject.length > 100 ? subject.slice(0, 99) + "…" : subject, "", ...body, "", ...trailers].join("\n");
}

export function gitFiles(gk: GitKnowledge, state: StateStore, authorDomain: string, log: (event: string, context: Record<string, unknown>) => void): KnowledgeFiles {
  const { dir, branch } = gk.settings;
  const path = (file: string) => join(dir, file);
  const show = (spec: string) => gk.git(["show", spec]).catch(() => "");
  // The bot commits (and re-commits when rebasing); the clone needs no identity of its own.
  const committer = { GIT_COMMITTER_NAME: "Järjestöbotti", GIT_COMMITTER_EMAIL: `jarjestobotti@${authorDomain}` };

  /** Commits the change on the served commit, authored by its coordinator. */
  const commit = async (change: Change, confirmedBy: string | undefined) => {
    const reverts = change.undoes ? (await gk.git(["log", "-1", `--format=%H${SEP}%s`, change.undoes])).trim().split(SEP) : undefined;
    mkdirSync(dirname(path(change.file)), { recursive: true });
    writeFileSync(path(change.file), change.after);
    await gk.git(["add", "--", change.file]);
    const env = { GIT_AUTHOR_NAME: change.userName ?? change.user, GIT_AUTHOR_EMAIL: emailOf(change.user, authorDomain), ...committer };
    const text = message(change, confirmedBy, reverts ? { commit: reverts[0]!, subject: reverts[1]! } : undefined);
    await gk.git(["commit", "--quiet", "--no-verify", "-F", "-"], { input: text, env });
  };

  /** Pushes HEAD; on a lost race rebases onto the branch, validates the result and tries again. */
  const push = async (change: Change): Promise<Written | undefined> => {
    for (let attempt = 1; ; attempt++) {
      try {
        await gk.git(["push", "--quiet", "origin", `HEAD:refs/heads/${branch}`]);
        return undefined;
      } catch (err) {
        const stderr = err instanceof GitError ? err.stderr : String(err);
        if (REFUSED.test(stderr)) return { ok: false, kind: "refused", reason: stderr.split("\n").find((l) => REFUSED.test(l))?.trim() ?? stderr.trim() };
        if (!RACED.test(stderr) || attempt === PUSHES) return { ok: false, kind: "retry", reason: (err as Error).message };
      }
      log("knowledge push lost a race; rebasing", { id: change.id, attempt });
      await gk.git(["fetch", "--quiet", "--no-tags", "origin", branch]);
      try {
        await gk.git(["rebase", "--quiet", REMOTE_HEAD(branch)], { env: committer });
      } catch {
        await gk.git(["rebase", "--abort"]).catch(() => undefined);
        return { ok: false, kind: "conflict" };
      }
      const checked = await gk.validate("HEAD");
      if (!checked.ok) return { ok: false, kind: "invalid", problems: checked.problems };
    }
  };

  return {
    text: (file) => (existsSync(path(file)) ? readFileSync(path(file), "utf8") : ""),
    write: (change, confirmedBy) =>
      gk.exclusive(async (): Promise<Written> => {
        const base = gk.served();
        try {
          await commit(change, confirmedBy);
          const failed = await push(change);
          if (failed) {
            await gk.git(["reset", "--quiet", "--hard", base]);
            return failed;
          }
          const head = (await gk.git(["rev-parse", "HEAD"])).trim();
          return { ok: true, compiled: await gk.serve(head), at: new Date(), commit: head };
        } catch (err) {
          await gk.git(["reset", "--quiet", "--hard", base]).catch(() => undefined);
          return { ok: false, kind: "retry", reason: (err as Error).message };
        }
      }),
    async history(limit) {
      const out = await gk.git(["log", `--max-count=${limit}`, `--format=${RECORD}%H${SEP}%an${SEP}%aI${SEP}%s${SEP}`, "--name-only", "HEAD"]);
      return out.split(RECORD).filter(Boolean).map((entry) => {
        const [hash, author, at, subject, names] = entry.split(SEP);
        const file = (names ?? "").split("\n").find((n) => isKnowledgePath(n)) ?? "";
        // The list shows who and what; the texts are read when one change is asked for (historyRecord).
        return { id: hash!.slice(0, 8), at: at!, user: author!, platform: "git", file, before: "", after: "", summary: [subject!], rights: "all" as const };
      });
    },
    async historyRecord(id) {
      const full = (await gk.git(["rev-parse", "--verify", "--quiet", `${id}^{commit}`]).catch(() => "")).trim();
      if (!full) return undefined;
      const [author, at, subject] = (await gk.git(["show", "-s", `--format=%an${SEP}%aI${SEP}%s`, full])).trim().split(SEP);
      const files = (await gk.git(["diff-tree", "--no-commit-id", "-r", "--name-only", "--root", full])).split("\n").filter(isKnowledgePath);
      const record = (file: string, before: string, after: string): HistoryRecord => ({ id, at: at!, user: author!, platform: "git", file, before, after, summary: [subject!], rights: "all" });
      if (files.length !== 1) return files.length ? { ...record("", "", ""), several: files } : undefined;
      const file = files[0]!;
      return record(file, await show(`${full}^:${file}`), await show(`${full}:${file}`));
    },
    recordsFileEdits: false,
    settle: (now) =>
      gk.exclusive(async () => {
        const result = { applied: [] as string[], failed: [] as string[] };
        for (const change of await state.unfinished()) {
          const found = (await gk.git(["log", "--max-count=1", `--format=%H${SEP}%cI`, "--fixed-strings", `--grep=Change-Id: ${change.id}`, REMOTE_HEAD(branch)])).trim();
          if (found) {
            await state.markApplied(change.id, new Date(found.split(SEP)[1]!));
            result.applied.push(change.id);
          } else if (now.getTime() - Date.parse(change.since) > SETTLE_AFTER_MS) {
            await state.markFailed(change.id);
            result.failed.push(change.id);
          }
        }
        if (result.applied.length || result.failed.length) log("changes interrupted by a stop settled", { ...result });
        return result;
      }),
  };

}
