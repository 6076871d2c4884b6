// What a deployment copies from deploy/: the compose file (read as YAML: docker is not needed to
// check what it says), and the knowledge repository's pre-commit hook, run by real git.
import { describe, expect, it } from "vitest";
import { copyFileSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { parse } from "yaml";
import { git } from "../../adapters/git/git.js";
import { createKnowledgeRepo } from "../helpers/knowledge-repo.js";

const ROOT = join(import.meta.dirname, "..", "..");
const DEPLOY = join(ROOT, "deploy");

describe("deploy/", () => {
  it("compose.yaml runs two instances on one PostgreSQL, each checked at /health", () => {
    const compose = parse(readFileSync(join(DEPLOY, "compose.yaml"), "utf8"), { merge: true }) as {
      services: Record<string, { environment?: Record<string, string>; healthcheck?: { test: string[] }; volumes?: string[]; command?: string }>;
    };
    const bots = ["bot-a", "bot-b"].map((name) => compose.services[name]!);
    for (const bot of bots) {
      expect(bot.environment?.DATABASE_URL).toMatch(/^postgres:\/\/.*@postgres:5432\//);
      expect(bot.healthcheck?.test.join(" ")).toContain("/health");
    }
    // Each instance keeps its own clone of the knowledge repository.
    expect(new Set(bots.map((b) => b.volumes?.[0]))).toHaveProperty("size", 2);
    expect(compose.services["load-balancer"]!.command).toMatch(/bot-a:3978.*bot-b:3978/);
  });

  it("the pre-commit hook stops a commit whose files fail kb validate, with file:line, and lets a valid one through", async () => {
    const repo = await createKnowledgeRepo();
    try {
      copyFileSync(join(DEPLOY, "knowledge-repo", "pre-commit"), join(repo.work, ".git", "hooks", "pre-commit"));
      const env = { JARJESTOBOTTI: ROOT, GIT_AUTHOR_NAME: "T", GIT_AUTHOR_EMAIL: "t@example.org", GIT_COMMITTER_NAME: "T", GIT_COMMITTER_EMAIL: "t@example.org" };
      const file = join(repo.work, "regions", "kainuu.yaml");
      const good = readFileSync(file, "utf8");
      writeFileSync(file, good.replace(/value: \d+/, "value: paljon"));
      await git(repo.work, ["add", "."]);
      const refused = await git(repo.work, ["commit", "-m", "broken"], { env }).then(() => "", (err: { stderr: string }) => err.stderr);
      expect(refused).toMatch(/^regions\/kainuu\.yaml:\d+ figures\.ngos/m);
      writeFileSync(file, good.replace(/^# .*$/m, "# Kainuu, reviewed"));
      await git(repo.work, ["add", "."]);
      await git(repo.work, ["commit", "-m", "fine"], { env });
      expect((await git(repo.work, ["log", "-1", "--format=%s"])).trim()).toBe("fine");
    } finally {
      repo.remove();
    }
  });
});
