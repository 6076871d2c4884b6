// A knowledge repository as a git host would keep it: a local bare repository holding the real
// knowledge/ files on branch main, and a clone of it where a test plays a person committing and
// pushing by hand (a direct edit, a broken commit, a race).
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { git } from "../../adapters/git/git.js";
import { KNOWLEDGE_DIR } from "./bot.js";

export const BRANCH = "main";

export interface KnowledgeRepo {
  /** The bare repository: what KNOWLEDGE_REPO points at. */
  bare: string;
  /** A person's clone, up to date with the branch after each call below. */
  work: string;
  read(file: string): string;
  /** Commits one file's new text by hand and pushes it; returns the commit. */
  push(file: string, text: string, message: string): Promise<string>;
  /** The branch's commits, newest first: hash, author, subject and body. */
  log(): Promise<Array<{ commit: string; author: string; email: string; subject: string; body: string }>>;
  /** The file's text at the branch's head. */
  atHead(file: string): Promise<string>;
  remove(): void;
}

const PERSON = { GIT_AUTHOR_NAME: "Tiina Testaaja", GIT_AUTHOR_EMAIL: "tiina@example.org", GIT_COMMITTER_NAME: "Tiina Testaaja", GIT_COMMITTER_EMAIL: "tiina@example.org" };

export async function createKnowledgeRepo(): Promise<KnowledgeRepo> {
  const root = mkdtempSync(join(tmpdir(), "kb-repo-"));
  const bare = join(root, "knowledge.git");
  const work = join(root, "work");
  await git(root, ["init", "--quiet", "--bare", "--initial-branch", BRANCH, bare]);
  await git(root, ["init", "--quiet", "--initial-branch", BRANCH, work]);
  cpSync(KNOWLEDGE_DIR, work, { recursive: true });
  await git(work, ["add", "."]);
  await git(work, ["commit", "--quiet", "-m", "The knowledge as it ships with the bot"], { env: PERSON });
  await git(work, ["remote", "add", "origin", bare]);
  await git(work, ["push", "--quiet", "origin", BRANCH]);
  const read = (file: string) => readFileSync(join(work, file), "utf8");
  return {
    bare,
    work,
    read,
    async push(file, text, message) {
      await git(work, ["pull", "--quiet", "--rebase", "origin", BRANCH], { env: PERSON });
      writeFileSync(join(work, file), text);
      await git(work, ["commit", "--quiet", "-am", message], { env: PERSON });
      await git(work, ["push", "--quiet", "origin", `HEAD:${BRANCH}`]);
      return (await git(work, ["rev-parse", "HEAD"])).trim();
    },
    async log() {
      const out = await git(bare, ["log", "--format=%H%x1f%an%x1f%ae%x1f%s%x1f%b%x1e", BRANCH]);
      return out.split("\x1e").map((e) => e.trim()).filter(Boolean).map((e) => {
        const [commit, author, email, subject, body] = e.split("\x1f");
        return { commit: commit!, author: author!, email: email!, subject: subject!, body: body ?? "" };
      });
    },
    atHead: (file) => git(bare, ["show", `${BRANCH}:${file}`]),
    remove: () => rmSync(root, { recursive: true, force: true }),
  };
}
