// The knowledge as a git repository (KNOWLEDGE_REPO, KNOWLEDGE_BRANCH): each instance keeps its own
// clone and follows the branch. A commit is validated from git's objects BEFORE it is checked out,
// so the working tree (which the live knowledge store reads) only ever holds a commit that passed
// every check; an invalid one is reported with file:line and the last good commit keeps serving.
// At start the newest valid commit of the branch is served, so a broken head never stops a start.
import { rmSync } from "node:fs";
import { dirname } from "node:path";
import { createQueue, filesAt, git, type GitOptions } from "./git.js";
import { isKnowledgePath, loadFromSources, MAX_FILE_BYTES, type LoadResult } from "../../src/knowledge/load.js";
import type { Problem } from "../../src/knowledge/parse-file.js";
import { createKnowledgeStore, KnowledgeError, type Compiled, type KnowledgeStore } from "../../src/live/store.js";

export interface GitSettings {
  /** A URL git can clone (https, ssh) or a path. */
  repo: string;
  branch: string;
  /** Where this instance keeps its clone (it is made afresh at every start). */
  dir: string;
}

export type Followed =
  | { kind: "same" }
  | { kind: "advanced"; before: Compiled; after: Compiled; commit: string }
  | { kind: "refused"; commit: string; problems: Problem[] };

export interface GitKnowledge {
  readonly settings: GitSettings;
  readonly store: KnowledgeStore;
  /** The commit being served. */
  served(): string;
  /** The newest commit of the branch that was refused, while it is the branch's head. */
  refused(): { commit: string; problems: Problem[] } | undefined;
  /** Fetches the branch and serves its head if it passes the checks. */
  follow(): Promise<Followed>;
  /** Runs a task on the clone with nothing else running there (commits, settling). */
  exclusive<T>(task: () => Promise<T>): Promise<T>;
  /** Checks a commit's knowledge as a whole, from git's objects. */
  validate(commit: string): Promise<LoadResult>;
  /** Checks out a commit already validated and reloads the store from it. */
  serve(commit: string): Promise<Compiled>;
  git(args: string[], o?: GitOptions): Promise<string>;
}

/** How far back a start looks for a valid commit when the head is broken. */
const LOOK_BACK = 50;
export const REMOTE_HEAD = (branch: string) => `refs/remotes/origin/${branch}`;

export async function openGitKnowledge(settings: GitSettings, log: (event: string, context: Record<string, unknown>) => void): Promise<GitKnowledge> {
  const { dir, branch } = settings;
  const run = (args: string[], o?: GitOptions) => git(dir, args, o);
  const exclusive = createQueue();

  const validate = async (commit: string): Promise<LoadResult> => {
    const { files, tooLarge } = await filesAt(dir, commit, isKnowledgePath, MAX_FILE_BYTES);
    if (tooLarge.length) return { ok: false, problems: tooLarge.map((t) => ({ file: t.file, line: 1, path: "", message: `the file is ${t.bytes} bytes; at most ${MAX_FILE_BYTES} are read` })) };
    return loadFromSources(files);
  };

  // A fresh clone at every start: nothing a killed process left behind (a lock, a half-made commit) remains.
  rmSync(dir, { recursive: true, force: true });
  await git(dirname(dir), ["clone", "--quiet", "--no-tags", "--single-branch", "--branch", branch, settings.repo, dir]);
  const head = (await run(["rev-parse", REMOTE_HEAD(branch)])).trim();
  let refused: { commit: string; problems: Problem[] } | undefined;
  let served: string | undefined;
  for (const commit of (await run(["rev-list", "--first-parent", `--max-count=${LOOK_BACK}`, head])).split("\n").filter(Boolean)) {
    const r = await validate(commit);
    if (r.ok) {
      served = commit;
      break;
    }
    if (commit === head) refused = { commit, problems: r.problems };
  }
  if (!served) throw new KnowledgeError(refused?.problems ?? [{ file: settings.repo, line: 1, path: "", message: `no valid commit among the last ${LOOK_BACK} of ${branch}` }]);
  await run(["reset", "--quiet", "--hard", served]);
  if (refused) log("knowledge commit refused; an earlier commit is served", { commit: refused.commit, served });
  const store = createKnowledgeStore(dir);

  const serve = async (commit: string) => {
    const previous = served!;
    await run(["reset", "--quiet", "--hard", commit]);
    const r = store.reload();
    if (!r.ok) {
      // Validated from the same objects, so only a failure to compile gets here: keep the last good.
      await run(["reset", "--quiet", "--hard", previous]);
      throw new KnowledgeError(r.problems);
    }
    served = commit;
    return r.compiled;
  };

  return {
    settings,
    store,
    served: () => served!,
    refused: () => refused,
    exclusive,
    validate,
    serve,
    git: run,
    follow: () =>
      exclusive(async (): Promise<Followed> => {
        await run(["fetch", "--quiet", "--no-tags", "origin", branch]);
        const head = (await run(["rev-parse", REMOTE_HEAD(branch)])).trim();
        if (head === served || head === refused?.commit) return { kind: "same" };
        const r = await validate(head);
        if (!r.ok) {
          refused = { commit: head, problems: r.problems };
          return { kind: "refused", ...refused };
        }
        const before = store.current();
        try {
          const after = await serve(head);
          refused = undefined;
          return { kind: "advanced", before, after, commit: head };
        } catch (err) {
          refused = { commit: head, problems: (err as KnowledgeError).problems };
          return { kind: "refused", ...refused };
        }
      }),
  };
}
