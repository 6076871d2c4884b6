// Keeping the served knowledge current while the bot runs: a local directory is watched (an edit
// is served within a second), a git branch is pulled every KNOWLEDGE_PULL_S seconds and on the
// webhook. New knowledge is announced to subscribers (once across instances for a commit); knowledge
// that fails the checks is refused, logged, and reported to COORDINATOR_CHANNEL (once for a commit).
import { curationReply } from "../src/curation/curation-phrases.js";
import type { Curator } from "../src/curation/curator.js";
import { formatProblem, type Problem } from "../src/knowledge/parse-file.js";
import type { Compiled } from "../src/live/store.js";
import { watchKnowledge } from "../src/live/watch.js";
import type { Claims } from "../src/state/claims.js";
import type { Reply } from "../src/seam.js";
import type { KnowledgeSource } from "./knowledge-source.js";
import type { Logger } from "./log.js";

/** A refused commit is reported to the coordinators' channel once, by one instance. */
const REPORTED_MS = 24 * 60 * 60_000;

export interface FollowDeps {
  source: KnowledgeSource;
  curator: Curator;
  claims: Claims;
  log: Logger;
  /** The channel COORDINATOR_CHANNEL names, once an adapter can post there (runtime.ts). */
  coordinatorChannel: () => { platform: string; address: unknown } | undefined;
  send: (platform: string, address: unknown, reply: Reply) => Promise<unknown>;
}

export function followKnowledge(d: FollowDeps): { pull(): Promise<void>; stop(): void } {
  const { source, log } = d;
  const refused = async (problems: Problem[], commit?: string) => {
    log.error("knowledge change refused; the last good knowledge keeps serving", { problems: problems.map(formatProblem), ...(commit ? { commit } : {}) });
    if (commit && !(await d.claims.claim(`refused:${commit}`, REPORTED_MS))) return;
    const target = d.coordinatorChannel();
    if (!target) return;
    const title = commit ? `Tietopohjan commit ${commit.slice(0, 8)} hylättiin: virheitä tiedostoissa` : "Tietopohjan muutos hylättiin: virheitä tiedostoissa";
    await d.send(target.platform, target.address, curationReply("fi", title, problems.map(formatProblem), false)).catch((err: unknown) => log.error("telling coordinators failed", { err }));
  };
  const changed = (before: Compiled, after: Compiled, commit?: string) =>
    d.curator.knowledgeChanged(before, after, commit).catch((err: unknown) => log.error("announcing a knowledge change failed", { err }));

  const gk = source.git;
  if (!gk) {
    const stop = watchKnowledge(source.store, {
      reloaded: (before, after, ms) => {
        log.info("knowledge reloaded", { version: after.version, ms: Math.round(ms * 10) / 10 });
        void changed(before, after);
      },
      refused: (problems) => void refused(problems),
    });
    return { pull: async () => {}, stop };
  }
  let pulling: Promise<void> | undefined;
  // One pull at a time; a webhook during a pull is served by that pull's fetch or the next tick.
  const pull = () =>
    (pulling ??= (async () => {
      try {
        const r = await gk.follow();
        if (r.kind === "advanced") {
          log.info("knowledge commit served", { commit: r.commit, version: r.after.version });
          await changed(r.before, r.after, r.commit);
        } else if (r.kind === "refused") await refused(r.problems, r.commit);
        await source.files.settle(new Date());
      } catch (err) {
        log.warn("knowledge pull failed; the served commit stays", { err });
      } finally {
        pulling = undefined;
      }
    })());
  const timer = setInterval(() => void pull(), source.pullMs).unref();
  const head = gk.refused();
  if (head) void refused(head.problems, head.commit);
  return { pull, stop: () => clearInterval(timer) };
}
