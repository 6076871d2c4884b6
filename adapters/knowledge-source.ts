// Where the served knowledge comes from: the local directory (KNOWLEDGE_DIR, watched for edits),
// or a git repository when KNOWLEDGE_REPO and KNOWLEDGE_BRANCH are set (a clone per instance under
// DATA_DIR, pulled every KNOWLEDGE_PULL_S seconds and on the webhook; chat changes pushed as commits).
import { join } from "node:path";
import { gitFiles } from "./git/commit-changes.js";
import { localFiles, type KnowledgeFiles } from "../src/curation/knowledge-files.js";
import type { StateStore } from "../src/curation/state.js";
import { GitError, withoutCredentials } from "./git/git.js";
import { openGitKnowledge, type GitKnowledge } from "./git/follow-branch.js";
import { createKnowledgeStore, type KnowledgeStore } from "../src/live/store.js";
import { ConfigError } from "./platform.js";

export interface KnowledgeSource {
  store: KnowledgeStore;
  files: KnowledgeFiles;
  /** Set when the knowledge is a git repository. */
  git?: GitKnowledge;
  /** How often the repository is pulled. */
  pullMs: number;
  /** Whether the webhook asks for the secret (KNOWLEDGE_WEBHOOK_SECRET), and the secret. */
  webhookSecret?: string;
}

const DEFAULT_PULL_S = 60;
/** Not a real domain (.invalid is reserved): set KNOWLEDGE_AUTHOR_DOMAIN to your organisation's. */
const DEFAULT_AUTHOR_DOMAIN = "jarjestobotti.invalid";

export function gitSettings(env: NodeJS.ProcessEnv) {
  if (!env.KNOWLEDGE_REPO) return undefined;
  if (!env.KNOWLEDGE_BRANCH) throw new ConfigError("KNOWLEDGE_REPO is set: set KNOWLEDGE_BRANCH too (the branch the bot serves and pushes to, e.g. main)");
  const pullS = env.KNOWLEDGE_PULL_S ? Number(env.KNOWLEDGE_PULL_S) : DEFAULT_PULL_S;
  if (!Number.isFinite(pullS) || pullS <= 0) throw new ConfigError(`KNOWLEDGE_PULL_S must be a positive number of seconds, not "${env.KNOWLEDGE_PULL_S}"`);
  return { repo: env.KNOWLEDGE_REPO, branch: env.KNOWLEDGE_BRANCH, pullMs: pullS * 1000, authorDomain: env.KNOWLEDGE_AUTHOR_DOMAIN || DEFAULT_AUTHOR_DOMAIN, webhookSecret: env.KNOWLEDGE_WEBHOOK_SECRET || undefined };
}

export async function openKnowledgeSource(env: NodeJS.ProcessEnv, dataDir: string, knowledgeDir: string, state: StateStore, log: (event: string, context: Record<string, unknown>) => void): Promise<KnowledgeSource> {
  const settings = gitSettings(env);
  if (!settings) {
    const store = createKnowledgeStore(knowledgeDir);
    return { store, files: localFiles(store, state, log), pullMs: 0 };
  }
  const git = await openGitKnowledge({ repo: settings.repo, branch: settings.branch, dir: join(dataDir, "knowledge-repo") }, log).catch((err: unknown) => {
    // Unreachable, no such branch, no access: git's own words, without a stack trace.
    throw err instanceof GitError ? new ConfigError(`the knowledge repository ${withoutCredentials(settings.repo)} (branch ${settings.branch}) cannot be read: ${err.message}`) : err;
  });
  return { store: git.store, files: gitFiles(git, state, settings.authorDomain, log), git, pullMs: settings.pullMs, ...(settings.webhookSecret ? { webhookSecret: settings.webhookSecret } : {}) };
}
