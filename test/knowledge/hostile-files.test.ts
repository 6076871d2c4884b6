// Defect 1 of issue 9: a knowledge file with an alias that has no anchor, or with too many
// aliases, made yaml's toJS throw; the watcher's reload then ended the server, and `kb validate`
// and a start printed a stack trace. Driven through the real process and the real CLI.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { spawnSync } from "node:child_process";
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { loadKnowledge } from "../../src/knowledge/load.js";
import { copyKnowledge, type KnowledgeCopy } from "../helpers/knowledge-copy.js";
import { startServerProcess, type ServerProcess } from "../helpers/server-process.js";
import { cardText, startConnectorStandIn } from "../../dev/stand-ins/teams-connector.js";
import { until } from "../../dev/stand-ins/until.js";

const NO_ANCHOR = "kind: entries\nentries:\n  - id: evil\n    sources: [*src]\n";
const MANY_ALIASES = "kind: entries\nanchor: &x [1, 2]\nentries: [" + Array(150).fill("*x").join(", ") + "]\n";
const BIN = join(import.meta.dirname, "..", "..", "bin", "jarjestobotti.mjs");

let kb: KnowledgeCopy;
let connector: Awaited<ReturnType<typeof startConnectorStandIn>>;
let server: ServerProcess;

beforeAll(async () => {
  kb = copyKnowledge();
  connector = await startConnectorStandIn();
  server = await startServerProcess({ KNOWLEDGE_DIR: kb.dir, DATA_DIR: mkdtempSync(join(tmpdir(), "data-")), TEAMS_NO_AUTH: "1" });
});
afterAll(async () => {
  await server?.kill();
  await connector?.close();
  kb?.remove();
});

const refusals = () => server.logs.filter((l) => l.event === "knowledge change refused; the last good knowledge keeps serving");

describe("hostile knowledge files", () => {
  it("are refused with file:line by the running server, which keeps answering", async () => {
    kb.write("topics/no-anchor.yaml", NO_ANCHOR);
    const first = await until(() => refusals()[0]);
    expect(first.problems).toEqual([expect.stringMatching(/^topics[/\\]no-anchor\.yaml:4: alias \*src has no anchor/)]);
    kb.write("topics/no-anchor.yaml", MANY_ALIASES);
    const second = await until(() => refusals()[1]);
    expect(String((second.problems as string[])[0])).toMatch(/no-anchor\.yaml:3: more than 100 aliases/);
    expect(server.alive()).toBe(true);

    const activity = { type: "message", id: "a1", channelId: "msteams", serviceUrl: connector.url, from: { id: "29:u", aadObjectId: "u" }, recipient: { id: "28:bot" }, conversation: { id: "a:hostile", conversationType: "personal" }, text: "Kainuun asukasluku" };
    const res = await fetch(`${server.url}/api/messages`, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify(activity) });
    expect(res.status).toBe(200);
    expect(cardText(await until(() => connector.sent[0]))).toMatch(/Kainuu/);
  });

  it("are listed by kb validate as file:line problems, without a stack trace", () => {
    const dir = copyKnowledge();
    try {
      dir.write("topics/no-anchor.yaml", NO_ANCHOR);
      const r = spawnSync(process.execPath, [BIN, "kb", "validate", dir.dir], { encoding: "utf8" });
      expect(r.status).toBe(1);
      expect(r.stderr).toMatch(/no-anchor\.yaml:4: alias \*src has no anchor &src before it/);
      expect(r.stderr).not.toMatch(/\n\s+at /);
    } finally {
      dir.remove();
    }
  });

  it("are refused unread when oversized", () => {
    const dir = copyKnowledge();
    try {
      dir.write("topics/huge.yaml", "kind: entries\nentries: []\n#" + "x".repeat(1_100_000));
      const r = loadKnowledge(dir.dir);
      expect(r.ok).toBe(false);
      const problems = r.ok ? [] : r.problems;
      expect(problems.find((p) => p.file === join("topics", "huge.yaml"))?.message).toMatch(/at most 1000000/);
    } finally {
      dir.remove();
    }
  });
});
