// The git host's webhook: POST /knowledge/webhook makes the instance pull at once instead of at its
// next KNOWLEDGE_PULL_S tick; with KNOWLEDGE_WEBHOOK_SECRET, only a request signed as GitHub signs
// (X-Hub-Signature-256) or carrying GitLab's token gets it to fetch.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createHmac } from "node:crypto";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { createMemoryLogger } from "../../adapters/log.js";
import { startRuntime, type Runtime } from "../../adapters/runtime.js";
import { until } from "../../dev/stand-ins/until.js";
import { KNOWLEDGE_DIR } from "../helpers/bot.js";
import { BRANCH, createKnowledgeRepo, type KnowledgeRepo } from "../helpers/knowledge-repo.js";

const SECRET = "webhook-secret";
let repo: KnowledgeRepo;
let dataDir: string;
let runtime: Runtime;

beforeAll(async () => {
  repo = await createKnowledgeRepo();
  dataDir = mkdtempSync(join(tmpdir(), "webhook-"));
  // An hour between pulls: only the webhook can bring a new commit within the test.
  runtime = await startRuntime({ DATA_DIR: dataDir, KNOWLEDGE_REPO: repo.bare, KNOWLEDGE_BRANCH: BRANCH, KNOWLEDGE_PULL_S: "3600", KNOWLEDGE_WEBHOOK_SECRET: SECRET, HOST: "127.0.0.1", PORT: "0" }, createMemoryLogger(), KNOWLEDGE_DIR);
});
afterAll(async () => {
  await runtime?.stop();
  repo?.remove();
  rmSync(dataDir, { recursive: true, force: true });
});

const served = async () => ((await (await fetch(`${runtime.server!.url}/health`)).json()) as { knowledge: { commit: string } }).knowledge.commit;
const hook = (body: string, headers: Record<string, string>) => fetch(`${runtime.server!.url}/knowledge/webhook`, { method: "POST", headers: { "content-type": "application/json", ...headers }, body });

describe("the knowledge webhook", () => {
  it("refuses an unsigned or wrongly signed request, and pulls at once on a signed one (GitHub) or with the token (GitLab)", async () => {
    const body = JSON.stringify({ ref: `refs/heads/${BRANCH}` });
    const first = await repo.push("regions/lappi.yaml", repo.read("regions/lappi.yaml") + "\n# one\n", "One");
    expect((await hook(body, {})).status).toBe(401);
    expect((await hook(body, { "x-hub-signature-256": "sha256=00" })).status).toBe(401);
    expect(await served()).not.toBe(first);
    const signature = `sha256=${createHmac("sha256", SECRET).update(body).digest("hex")}`;
    expect((await hook(body, { "x-hub-signature-256": signature })).status).toBe(202);
    await until(async () => (await served()) === first, 10_000);

    const second = await repo.push("regions/lappi.yaml", repo.read("regions/lappi.yaml") + "\n# two\n", "Two");
    expect((await hook("{}", { "x-gitlab-token": "wrong" })).status).toBe(401);
    expect((await hook("{}", { "x-gitlab-token": SECRET })).status).toBe(202);
    await until(async () => (await served()) === second, 10_000);
  });
});

describe("the knowledge repository's settings", () => {
  it("stop the start with one line saying what to fix: a missing branch, a repository that cannot be read", async () => {
    const log = createMemoryLogger();
    const other = join(dataDir, "other");
    await expect(startRuntime({ DATA_DIR: other, KNOWLEDGE_REPO: repo.bare }, log, KNOWLEDGE_DIR)).rejects.toThrow(/set KNOWLEDGE_BRANCH/);
    await expect(startRuntime({ DATA_DIR: other, KNOWLEDGE_REPO: join(dataDir, "nowhere.git"), KNOWLEDGE_BRANCH: BRANCH }, log, KNOWLEDGE_DIR)).rejects.toThrow(/cannot be read: git clone failed .*does not exist/);
    await expect(startRuntime({ DATA_DIR: other, KNOWLEDGE_REPO: repo.bare, KNOWLEDGE_BRANCH: "no-such-branch" }, log, KNOWLEDGE_DIR)).rejects.toThrow(/no-such-branch/);
    // A token in the repository's URL is not repeated in the message (nothing listens on port 9).
    const refused = startRuntime({ DATA_DIR: other, KNOWLEDGE_REPO: "https://bot:glpat-s3cret@127.0.0.1:9/knowledge.git", KNOWLEDGE_BRANCH: BRANCH }, log, KNOWLEDGE_DIR);
    await expect(refused).rejects.toThrow(/https:\/\/\[redacted\]@127\.0\.0\.1:9\/knowledge\.git .*cannot be read/);
    await expect(refused).rejects.not.toThrow(/s3cret/);
    expect(log.raw.join("")).not.toContain("s3cret");
  });
});
