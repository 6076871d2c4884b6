// Issue 9 through signed Slack HTTP into the whole runtime, against the local Web API stand-in:
// long questions, a hung Web API, requests stamped in the future or too large, and the rules for
// fetching files coordinators share (who, from where, how big).
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { existsSync, mkdtempSync, readdirSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { createMemoryLogger } from "../../adapters/log.js";
import { startRuntime, type Runtime } from "../../adapters/runtime.js";
import { postSigned, startSlackStandIn } from "../../dev/stand-ins/slack-web-api.js";
import { until } from "../../dev/stand-ins/until.js";
import { copyKnowledge, type KnowledgeCopy } from "../helpers/knowledge-copy.js";

const SECRET = "limits-secret";
let kb: KnowledgeCopy;
let slack: Awaited<ReturnType<typeof startSlackStandIn>>;
let runtime: Runtime;
const log = createMemoryLogger();
let n = 0;

beforeAll(async () => {
  kb = copyKnowledge();
  slack = await startSlackStandIn();
  const env = {
    SLACK_BOT_TOKEN: "xoxb-limits",
    SLACK_SIGNING_SECRET: SECRET,
    SLACK_API_URL: `${slack.url}/api/`,
    SLACK_BOT_USER_ID: "UBOT",
    COORDINATORS: "slack:UCOORD",
    DATA_DIR: mkdtempSync(join(tmpdir(), "data-")),
    OUTBOUND_TIMEOUT_MS: "300",
    PORT: "0",
    HOST: "127.0.0.1",
  };
  runtime = await startRuntime(env, log, kb.dir);
});
afterAll(async () => {
  await runtime?.stop();
  await slack?.close();
  kb?.remove();
});

const post = (event: Record<string, unknown>, ts?: number) =>
  postSigned(`${runtime.server!.url}/slack/events`, JSON.stringify({ type: "event_callback", team_id: "T1", api_app_id: "A1", event_id: `Ev${++n}`, event_time: 1, event }), { secret: SECRET, contentType: "application/json", ...(ts ? { ts } : {}) });
const mention = (channel: string, text: string) => post({ type: "app_mention", user: "U1", channel, ts: `${++n}.0`, text: `<@UBOT> ${text}` });
const share = (user: string, channel: string, file: Record<string, unknown>) => post({ type: "message", subtype: "file_share", channel_type: "im", user, channel, ts: `${++n}.0`, text: "", files: [file] });
const postsTo = (channel: string) => slack.of("chat.postMessage").filter((c) => c.body.channel === channel);
const replyIn = async (channel: string) => JSON.stringify((await until(() => postsTo(channel)[0])).body);

describe("Slack: bounds where input enters", () => {
  it("answers the beginning of a 40 000-character one-word question and says so", async () => {
    await mention("CLONG", `Kainuun asukasluku ${"x".repeat(40_000)}`);
    expect(await replyIn("CLONG")).toMatch(/Kysymys oli pitkä/);
  });

  it("ends a hung chat.postMessage at the time limit, logs it, and later answers go out", async () => {
    slack.hangNext("chat.postMessage", 4); // the first try and its three retries
    await mention("CHUNG", "Lapin asukasluku");
    await until(() => log.lines.find((l) => l.event === "slack mention failed" && l.channel === "CHUNG"), 8000);
    await mention("CAFTER", "Lapin asukasluku");
    expect(await replyIn("CAFTER")).toMatch(/Lappi/);
  });

  it("posts an answer once when Slack posts it but answers after the time limit, in a thread and in a DM", async () => {
    // Slack under load: the message is posted, the answer comes after OUTBOUND_TIMEOUT_MS (300 ms).
    slack.slowNext("chat.postMessage", 900, 900);
    await mention("CSLOW", "Lapin asukasluku");
    await post({ type: "message", channel_type: "im", user: "U1", channel: "DSLOW", ts: `${++n}.0`, text: "Kainuun asukasluku" });
    // Both were looked for before any second post, and found.
    await until(() => slack.of("conversations.replies").some((c) => c.body.channel === "CSLOW") && slack.of("conversations.history").some((c) => c.body.channel === "DSLOW"), 8000);
    await new Promise((r) => setTimeout(r, 1500)); // longer than a retry would take
    expect(postsTo("CSLOW")).toHaveLength(1);
    expect(postsTo("DSLOW")).toHaveLength(1);
    expect(log.lines.filter((l) => l.event === "slack mention failed" && l.channel === "CSLOW")).toEqual([]);
    // The thread shows the answer; a later question there is answered as usual.
    await mention("CSLOW", "entä Kainuun?");
    await until(() => postsTo("CSLOW")[1]);
  });

  it("posts again when a timed-out post did not reach Slack, once", async () => {
    slack.hangNext("chat.postMessage", 1); // never answers and posts nothing
    await mention("CLOST", "Lapin asukasluku");
    await until(() => postsTo("CLOST")[0], 8000);
    await new Promise((r) => setTimeout(r, 1000));
    expect(postsTo("CLOST")).toHaveLength(1);
    expect(slack.of("conversations.replies").some((c) => c.body.channel === "CLOST")).toBe(true);
  });

  it("refuses a signed request stamped in the future with 401", async () => {
    const res = await post({ type: "app_mention", user: "U1", channel: "CFUT", ts: "1.0", text: "<@UBOT> Lappi" }, Math.floor(Date.now() / 1000) + 3600);
    expect(res.status).toBe(401);
    await new Promise((r) => setTimeout(r, 200));
    expect(postsTo("CFUT")).toEqual([]);
  });

  it("refuses a body over 1 MB with 413", async () => {
    const res = await mention("CBIG", "y".repeat(1_100_000));
    expect(res.status).toBe(413);
  });
});

describe("Slack: files coordinators share", () => {
  const yaml = () => kb.read("regions/lappi.yaml").replace(/ngos: \{ value: \d+/, "ngos: { value: 401");

  it("are never fetched for someone who is not a coordinator, who gets a polite refusal", async () => {
    await share("UOTHER", "DOTHER", { name: "lappi.yaml", size: 100, url_private_download: slack.shareFile("other.yaml", yaml()) });
    expect(await replyIn("DOTHER")).toMatch(/koordinaattori/);
    expect(slack.downloads.filter((d) => d.name === "other.yaml")).toEqual([]);
  });

  it("are refused unread when the declared size is over the limit, with a reply", async () => {
    await share("UCOORD", "DDECL", { name: "lappi.yaml", size: 5_000_000, url_private_download: slack.shareFile("declared.yaml", yaml()) });
    expect(await replyIn("DDECL")).toMatch(/liian suuri/);
    expect(slack.downloads.filter((d) => d.name === "declared.yaml")).toEqual([]);
  });

  it("are cut off when more bytes arrive than the limit, whatever size was declared", async () => {
    await share("UCOORD", "DLIE", { name: "lappi.yaml", size: 1000, url_private_download: slack.shareFile("lie.yaml", yaml() + "#" + "z".repeat(1_500_000)) });
    expect(await replyIn("DLIE")).toMatch(/liian suuri/);
  });

  it("are fetched only from Slack's file host: the token never goes anywhere else", async () => {
    const elsewhere = slack.shareFile("elsewhere.yaml", yaml()).replace("127.0.0.1", "localhost");
    await share("UCOORD", "DHOST", { name: "lappi.yaml", size: 100, url_private_download: elsewhere });
    expect(await replyIn("DHOST")).toMatch(/tiedostopalvelimella/);
    expect(slack.downloads.filter((d) => d.name === "elsewhere.yaml")).toEqual([]);
  });

  it("need a plain file name: a backslash or a directory is refused", async () => {
    await share("UCOORD", "DNAME", { name: "..\\x.yaml", size: 100, url_private_download: slack.shareFile("name.yaml", yaml()) });
    expect(await replyIn("DNAME")).toMatch(/ei kelpaa/);
    const all = readdirSync(kb.dir, { recursive: true }).map(String);
    expect(all.filter((f) => f.includes("\\"))).toEqual([]);
    expect(existsSync(join(kb.dir, "..", "x.yaml"))).toBe(false);
  });
});
