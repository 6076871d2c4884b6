// The git command line, run as a child process: the knowledge repository is cloned, fetched,
// committed to and pushed with the same git that coordinators use, so authentication (SSH keys,
// credential helpers), hooks and every host's behaviour are git's own (see README for why not a
// library). Calls on one clone are queued: the follower and a confirmed change never interleave.
import { spawn } from "node:child_process";

/** A URL's user and password (an https token) cut out, for messages and logs. */
export const withoutCredentials = (text: string) => text.replace(/(\b[a-z][a-z0-9+.-]*:\/\/)[^/@\s]+@/gi, "$1[redacted]@");

export class GitError extends Error {
  override name = "GitError";
  constructor(
    readonly args: string[],
    readonly stderr: string,
    readonly code: number | null,
  ) {
    super(`git ${args[0]} failed (${code}): ${withoutCredentials(stderr.trim().split("\n").slice(-3).join(" / "))}`);
  }
}

export interface GitOptions {
  /** Written to git's standard input. */
  input?: string;
  /** Extra environment (a commit's author and committer). */
  env?: Record<string, string>;
}

/** A network call that hangs (a host that never answers) must not hold the clone for ever. */
const TIMEOUT_MS = 60_000;

/** Runs git in dir; resolves with its standard output as bytes, rejects with GitError. */
export function gitBytes(dir: string, args: string[], o: GitOptions = {}): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const child = spawn("git", args, {
      cwd: dir,
      // Never ask for a password on a terminal nobody sees; fail instead. Fixed messages (C) so that
      // refusals can be recognised; the user's own git configuration still applies.
      env: { ...process.env, GIT_TERMINAL_PROMPT: "0", LC_ALL: "C", ...o.env },
      stdio: [o.input === undefined ? "ignore" : "pipe", "pipe", "pipe"],
      timeout: TIMEOUT_MS,
    });
    const out: Buffer[] = [];
    let err = "";
    child.stdout!.on("data", (c: Buffer) => out.push(c));
    child.stderr!.on("data", (c: Buffer) => (err += c.toString("utf8")));
    child.on("error", (e) => reject(new GitError(args, e.message, null)));
    child.on("close", (code) => (code === 0 ? resolve(Buffer.concat(out)) : reject(new GitError(args, err, code))));
    if (o.input !== undefined) {
      // A git that exits without reading all of it (an error) closes the pipe; its exit code tells.
      child.stdin!.on("error", () => undefined);
      child.stdin!.end(o.input);
    }
  });
}

export const git = async (dir: string, args: string[], o?: GitOptions) => (await gitBytes(dir, args, o)).toString("utf8");

/** One queue per clone: each task starts when the one before it has finished, failed or not. */
export function createQueue() {
  let tail: Promise<unknown> = Promise.resolve();
  return <T>(task: () => Promise<T>): Promise<T> => {
    const run = tail.then(task, task);
    tail = run.catch(() => undefined);
    return run;
  };
}

/** The knowledge files of a commit, read from git's objects without checking the commit out. */
export async function filesAt(dir: string, commit: string, isKnowledge: (file: string) => boolean, maxBytes: number) {
  const names = (await git(dir, ["ls-tree", "-r", "-z", "--name-only", commit])).split("\0").filter((n) => n && isKnowledge(n));
  const out = await gitBytes(dir, ["cat-file", "--batch"], { input: names.map((n) => `${commit}:${n}\n`).join("") });
  const files: Array<{ file: string; text: string }> = [];
  const tooLarge: Array<{ file: string; bytes: number }> = [];
  let at = 0;
  for (const file of names) {
    const eol = out.indexOf(10, at);
    const size = Number(out.subarray(at, eol).toString("latin1").split(" ")[2]);
    const body = out.subarray(eol + 1, eol + 1 + size);
    at = eol + 1 + size + 1;
    if (size > maxBytes) tooLarge.push({ file, bytes: size });
    else files.push({ file, text: body.toString("utf8") });
  }
  return { files, tooLarge };
}
