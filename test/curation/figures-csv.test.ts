// The region table as a spreadsheet: the real `kb export --csv` and `kb import` round trip, with
// the change recorded in the bot's history and answered at once; every bad row reported as
// file:row:column with nothing written; and a CSV sent to the bot in Slack and Teams gets the same
// preview and confirmation as a YAML file.
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import Database from "better-sqlite3";
import { createMemoryLogger } from "../../adapters/log.js";
import { startRuntime, type Runtime } from "../../adapters/runtime.js";
import { DATABASE_FILE } from "../../src/state/database.js";
import { plain } from "../helpers/bot.js";
import { copyKnowledge, type KnowledgeCopy } from "../helpers/knowledge-copy.js";
import { postSigned, startSlackStandIn } from "../../dev/stand-ins/slack-web-api.js";
import { until } from "../../dev/stand-ins/until.js";
import { cardText, startConnectorStandIn } from "../../dev/stand-ins/teams-connector.js";

const BIN = join(import.meta.dirname, "..", "..", "bin", "jarjestobotti.mjs");
let kb: KnowledgeCopy;
afterEach(() => kb?.remove());

function cli(dataDir: string, args: string[]) {
  return spawnSync(process.execPath, [BIN, ...args], { encoding: "utf8", env: { ...process.env, KNOWLEDGE_DIR: kb.dir, DATA_DIR: dataDir } });
}
/** Sets one figure's value in a CSV as kb export writes it. */
const setValue = (csv: string, region: string, figure: string, value: string) =>
  csv.replace(new RegExp(`^(${region},[^,\\n]*,${figure},[^,\\n]*,[^,\\n]*,)[^,\\n]*`, "m"), `$1${value}`);

describe("kb export --csv and kb import", () => {
  it("round trip: export, edit one figure, import; the answer shows it and the history records it", () => {
    kb = copyKnowledge();
    const data = mkdtempSync(join(tmpdir(), "csv-data-"));
    const file = join(data, "figures.csv");
    expect(cli(data, ["kb", "export", "--csv", file]).status).toBe(0);
    const exported = readFileSync(file, "utf8");
    expect(exported.startsWith("\uFEFFregion,region_name,figure,figure_name,unit,value,approx,source,as_of\n")).toBe(true);
    expect(exported).toMatch(/^lappi,Lappi,ngos,Sote-järjestöjä,count,\d+,,aluekierros-2023,2023$/m);
    writeFileSync(file, setValue(exported, "lappi", "ngos", "367"));

    const dry = cli(data, ["kb", "import", file]);
    expect(dry.status).toBe(0);
    expect(dry.stdout).toMatch(/- Lapland, Social and health NGOs: \d+ → 367/);
    expect(dry.stdout).toMatch(/nothing written/);
    expect(kb.read("regions/lappi.yaml")).not.toContain("367");

    const applied = cli(data, ["kb", "import", "--yes", file]);
    expect(applied.status).toBe(0);
    const id = /Change ([0-9a-f]+) is applied/.exec(applied.stdout)?.[1];
    expect(id).toBeTruthy();
    expect(kb.read("regions/lappi.yaml")).toMatch(/ngos: \{ value: 367,/);
    expect(plain(cli(data, ["ask", "Montako sote-järjestöä Lapissa on?"]).stdout)).toContain("367");

    const db = new Database(join(data, DATABASE_FILE), { readonly: true });
    const rows = db.prepare("SELECT c.status, c.user, f.file FROM changes c JOIN change_files f ON f.change_id = c.id WHERE c.id = ?").all(id);
    db.close();
    expect(rows).toEqual([{ status: "applied", user: expect.stringMatching(/^cli:/), file: "regions/lappi.yaml" }]);
    // The same file again changes nothing.
    expect(cli(data, ["kb", "import", "--yes", file]).stdout).toMatch(/would change nothing/);
  }, 60_000); // six runs of the command line on two busy cores

  it("checks every row first: problems as file:row:column, nothing written", () => {
    kb = copyKnowledge();
    const data = mkdtempSync(join(tmpdir(), "csv-data-"));
    const file = join(data, "luvut.csv");
    // A Finnish spreadsheet: semicolons, a decimal comma, thousands with spaces. The first row is fine.
    writeFileSync(file, ["region;figure;value;source;as_of", "kainuu;population;70 999;aluekierros-2023;2023", "kainuu;ngos;paljon;aluekierros-2023;2023", "lapland;ngos;5;aluekierros-2023;2023", "kainuu;ngo-grants;1,5;tuntematon;toukokuu"].join("\n"));
    const before = [kb.read("regions/kainuu.yaml"), kb.read("regions/lappi.yaml")];
    const r = cli(data, ["kb", "import", "--yes", file]);
    expect(r.status).toBe(1);
    expect(r.stderr).toContain('luvut.csv:3:3 value: value must be a number');
    expect(r.stderr).toContain('luvut.csv:4:1 region: unknown region "lapland"');
    expect(r.stderr).toContain('luvut.csv:5:4 source: unknown source "tuntematon"');
    expect(r.stderr).toContain("luvut.csv:5:5 as_of: a date is written 2023, 2023-05 or 2023-05-16");
    expect([kb.read("regions/kainuu.yaml"), kb.read("regions/lappi.yaml")]).toEqual(before);
  });
});

describe("a CSV sent to the bot", () => {
  const SECRET = "csv-secret";
  let slack: Awaited<ReturnType<typeof startSlackStandIn>>;
  let connector: Awaited<ReturnType<typeof startConnectorStandIn>>;
  let runtime: Runtime;
  let chatKb: KnowledgeCopy;
  let n = 0;
  beforeAll(async () => {
    chatKb = copyKnowledge();
    [slack, connector] = await Promise.all([startSlackStandIn(), startConnectorStandIn()]);
    const env = { SLACK_BOT_TOKEN: "xoxb-t", SLACK_SIGNING_SECRET: SECRET, SLACK_API_URL: `${slack.url}/api/`, SLACK_BOT_USER_ID: "UBOT", TEAMS_NO_AUTH: "1", TEAMS_FILE_HOSTS: "127.0.0.1", COORDINATORS: "slack:UCOORD,teams:aad-coord", DATA_DIR: mkdtempSync(join(tmpdir(), "data-")), PORT: "0", HOST: "127.0.0.1" };
    runtime = await startRuntime(env, createMemoryLogger(), chatKb.dir);
  });
  afterAll(async () => {
    await runtime?.stop();
    await Promise.all([slack?.close(), connector?.close()]);
    chatKb?.remove();
  });
  const url = () => runtime.server!.url;
  const slackPosts = (channel: string) => slack.of("chat.postMessage").filter((c) => c.body.channel === channel);
  const slackText = (c: { body: Record<string, unknown> }) => `${String(c.body.text)} ${JSON.stringify(c.body.blocks)}`;
  const teamsReplies = (conversation: string) => connector.sent.filter((s) => decodeURIComponent(s.conversationId) === conversation);
  const teams = (conversation: string, extra: Record<string, unknown>) =>
    fetch(`${url()}/api/messages`, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify({ type: "message", id: `a${++n}`, channelId: "msteams", serviceUrl: connector.url, from: { id: "29:c", aadObjectId: "aad-coord" }, recipient: { id: "28:bot" }, conversation: { id: conversation, conversationType: "personal" }, locale: "fi-FI", ...extra }) });
  const exported = () => spawnSync(process.execPath, [BIN, "kb", "export", "--csv"], { encoding: "utf8", env: { ...process.env, KNOWLEDGE_DIR: chatKb.dir } }).stdout;

  it("in a Slack DM from a coordinator: a preview in words, confirmed with vahvista, answered, and undone whole with peru", async () => {
    const before = { kainuu: chatKb.read("regions/kainuu.yaml"), lappi: chatKb.read("regions/lappi.yaml") };
    const csv = setValue(setValue(exported(), "kainuu", "ngo-grants", "222000"), "lappi", "ngos", "401");
    const fileUrl = slack.shareFile("luvut.csv", csv);
    await postSigned(`${url()}/slack/events`, JSON.stringify({ type: "event_callback", team_id: "T1", api_app_id: "A1", event_id: `EvC${++n}`, event_time: 1, event: { type: "message", subtype: "file_share", channel_type: "im", user: "UCOORD", channel: "DCSV", ts: `${n}.0`, text: "", files: [{ name: "luvut.csv", size: csv.length, url_private_download: fileUrl }] } }), { secret: SECRET, contentType: "application/json" });
    const preview = slackText(await until(() => slackPosts("DCSV")[0]));
    expect(preview).toMatch(/Kainuu, Järjestöavustukset: [^→]+→ 222 000 €/);
    expect(preview).toMatch(/Lappi, Sote-järjestöjä: [^→]+→ 401/);
    expect(chatKb.read("regions/kainuu.yaml")).not.toContain("222000");
    const id = /vahvista ([0-9a-f]+)/.exec(preview)![1]!;
    await postSigned(`${url()}/slack/events`, JSON.stringify({ type: "event_callback", team_id: "T1", api_app_id: "A1", event_id: `EvC${++n}`, event_time: 1, event: { type: "message", channel_type: "im", user: "UCOORD", channel: "DCSV", ts: `${n}.0`, text: `vahvista ${id}` } }), { secret: SECRET, contentType: "application/json" });
    await until(() => slackPosts("DCSV")[1]);
    expect(chatKb.read("regions/kainuu.yaml")).toMatch(/ngo-grants: \{ value: 222000,/);
    expect(chatKb.read("regions/lappi.yaml")).toMatch(/ngos: \{ value: 401,/);
    await teams("a:ask", { text: "Paljonko Kainuun järjestöavustukset ovat?" });
    expect(plain(cardText(await until(() => teamsReplies("a:ask")[0])))).toContain("222000");

    // One change, so one undo puts both files back.
    const say = (text: string) => postSigned(`${url()}/slack/events`, JSON.stringify({ type: "event_callback", team_id: "T1", api_app_id: "A1", event_id: `EvC${++n}`, event_time: 1, event: { type: "message", channel_type: "im", user: "UCOORD", channel: "DCSV", ts: `${n}.0`, text } }), { secret: SECRET, contentType: "application/json" });
    await say("historia");
    const history = String((await until(() => slackPosts("DCSV")[2])).body.text);
    const changeId = /^• ([0-9a-f]{8}) ·/m.exec(history)![1]!; // the newest change first
    await say(`peru ${changeId}`);
    const undo = /vahvista ([0-9a-f]+)/.exec(slackText(await until(() => slackPosts("DCSV")[3])))![1]!;
    await say(`vahvista ${undo}`);
    await until(() => slackPosts("DCSV")[4]);
    expect({ kainuu: chatKb.read("regions/kainuu.yaml"), lappi: chatKb.read("regions/lappi.yaml") }).toEqual(before);
  });

  it("in a Teams chat: a broken row is refused with its row and column, and nothing changes", async () => {
    const csv = setValue(exported(), "kainuu", "population", "lots");
    const row = csv.split("\n").findIndex((l) => l.startsWith("kainuu,Kainuu,population")) + 1;
    const before = chatKb.read("regions/kainuu.yaml");
    await teams("a:csv", { attachments: [{ contentType: "application/vnd.microsoft.teams.file.download.info", name: "luvut.csv", content: { downloadUrl: connector.shareFile("luvut.csv", csv), fileType: "csv" } }] });
    expect(cardText(await until(() => teamsReplies("a:csv")[0]))).toContain(`luvut.csv:${row}:6 value: value must be a number`);
    expect(chatKb.read("regions/kainuu.yaml")).toBe(before);
  });
});
