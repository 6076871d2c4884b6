// Confirmed changes as commits to the knowledge repository's branch, authored by the coordinator
// (the platform's name, an address at KNOWLEDGE_AUTHOR_DOMAIN) and committed by the bot. A push
// that loses a race to another commit is rebased onto it, the result validated as a whole, and
// pushed again; a rebase that conflicts is refused as a conflict, and a refusal by the repository
// (a protected branch, a hook) is reported in its own words. `historia` is the branch's git log and
// `peru` a revert commit. Each commit carries its change's id (a `Change-Id:` trailer), so a change
// left "writing" by a stopped instance is settled by any instance from the branch itself.
import { mkdirSync, writeFileSync, existsSync, readFileSync, rmSync } from "node:fs";
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
  const what = change.files.length === 1 ? change.files[0]!.file : `${change.files.length} tiedostoa`;
  const subject = reverts ? `Revert "${reverts.subject}"` : `${what}: ${change.summary[0] ?? "muutos"}`;
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

  /** Commits the change (every file of it, in one commit) on the served commit, authored by its coordinator. */
  const commit = async (change: Change, confirmedBy: string | undefined) => {
    const reverts = change.undoes ? (await gk.git(["log", "-1", `--format=%H${SEP}%s`, change.undoes])).trim().split(SEP) : undefined;
    for (const f of change.files) {
      // An empty text is a file the change removes (undoing a change that created it).
      if (f.after === "") rmSync(path(f.file), { force: true });
      else {
        mkdirSync(dirname(path(f.file)), { recursive: true });
        writeFileSync(path(f.file), f.after);
      }
    }
    await gk.git(["add", "--all", "--", ...change.files.map((f) => f.file)]);
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
        const files = (names ?? "").split("\n").filter((n) => isKnowledgePath(n)).map((file) => ({ file, before: "", after: "" }));
        // The list shows who and what; the texts are read when one change is asked for (historyRecord).
        return { id: hash!.slice(0, 8), at: at!, user: author!, platform: "git", files, summary: [subject!], rights: "all" as const };
      });
    },
    async historyRecord(id) {
      const full = (await gk.git(["rev-parse", "--verify", "--quiet", `${id}^{commit}`]).catch(() => "")).trim();
      if (!full) return undefined;
      const [author, at, subject] = (await gk.git(["show", "-s", `--format=%an${SEP}%aI${SEP}%s`, full])).trim().split(SEP);
      const files = (await gk.git(["diff-tree", "--no-commit-id", "-r", "--name-only", "--root", full])).split("\n").filter(isKnowledgePath);
      if (!files.length) return undefined;
      // A file the commit created has no text before it, one it removed none after: peru removes or restores it.
      const texts = await Promise.all(files.map(async (file) => ({ file, before: await show(`${full}^:${file}`), after: await show(`${full}:${file}`) })));
      return { id, at: at!, user: author!, platform: "git", files: texts, summary: [subject!], rights: "all" } satisfies HistoryRecord;
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
