// The knowledge as a git repository, with a real local bare repository and real git: the branch is
// followed with each commit validated before it is served; chat changes become commits authored by
// the coordinator and pushed (rebased on a lost race, refused on a conflict or by the repository);
// `historia` is the git log and `peru` a revert commit.
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { chmodSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { parse } from "yaml";
import { createBot, type CoreBot } from "../../src/bot.js";
import { parseCoordinators } from "../../src/curation/coordinators.js";
import { createCurator } from "../../src/curation/curator.js";
import { gitFiles } from "../../adapters/git/commit-changes.js";
import type { StateStore } from "../../src/curation/state.js";
import { git } from "../../adapters/git/git.js";
import { openGitKnowledge, type GitKnowledge } from "../../adapters/git/follow-branch.js";
import { createSqlStateStore } from "../../src/state/curation-store.js";
import { openDatabase, type Sql } from "../../src/state/database.js";
import type { Reply } from "../../src/seam.js";
import { figure, plain } from "../helpers/bot.js";
import { BRANCH, createKnowledgeRepo, type KnowledgeRepo } from "../helpers/knowledge-repo.js";
import type { RegionFile } from "../../src/knowledge/schema.js";

// As on a server where git has no identity configured: the bot must name the committer itself.
process.env.GIT_CONFIG_GLOBAL = "/dev/null";

const FILE = "regions/kainuu.yaml";
let repo: KnowledgeRepo;
let dataDir: string;
let sql: Sql;
let state: StateStore;
let gk: GitKnowledge;
let bot: CoreBot;
const logged: Array<{ event: string; context: Record<string, unknown> }> = [];
const log = (event: string, context: Record<string, unknown>) => void logged.push({ event, context });

async function start() {
  gk = await openGitKnowledge({ repo: repo.bare, branch: BRANCH, dir: join(dataDir, "clone") }, log);
  const files = gitFiles(gk, state, "example.org", log);
  const curator = createCurator({ store: gk.store, state, files, coordinators: parseCoordinators("slack:UCOORD,slack:UOTHER"), log });
  bot = createBot({ store: gk.store, curator });
  return files;
}

beforeEach(async () => {
  repo = await createKnowledgeRepo();
  dataDir = mkdtempSync(join(tmpdir(), "git-kb-"));
  sql = await openDatabase({ dataDir });
  state = await createSqlStateStore(sql, dataDir);
  logged.length = 0;
});
afterEach(async () => {
  await sql.close();
  repo.remove();
  rmSync(dataDir, { recursive: true, force: true });
});

const kainuu = () => parse(repo.read(FILE)) as RegionFile;
const ngos = (text: string) => figure(parse(text) as RegionFile, "ngos");
const say = (text: string, userId = "slack:UCOORD", userName = "Kaisa Koordinaattori") => bot.handle({ text, userId, userName, conversationId: `c-${userId}`, platform: "slack", address: { channel: "C1" } });
const ask = (text: string) => bot.handle({ text, conversationId: `q-${Math.random()}`, platform: "slack" });
const confirmId = (r: Reply) => /vahvista (\w+)/.exec(r.suggestions.map((s) => s.question).join(" "))?.[1] ?? "";
/** The region file with its NGO count replaced (the newest value, as the YAML holds it). */
const withNgos = (text: string, n: number) => text.replace(new RegExp(`value: ${ngos(text)}\\b`), `value: ${n}`);

describe("following the knowledge branch", () => {
  it("serves a new valid commit, refuses a broken one with file:line while the last good serves, then serves the fix", async () => {
    await start();
    const first = gk.served();
    const before = figure(kainuu(), "ngos");
    const good = await repo.push(FILE, withNgos(repo.read(FILE), before + 7), "Kainuu: more NGOs");
    expect(await gk.follow()).toMatchObject({ kind: "advanced", commit: good });
    expect(plain((await ask("Montako sote-järjestöä Kainuussa on?")).text)).toContain(String(before + 7));

    const broken = await repo.push(FILE, repo.read(FILE).replace(/^id: .*$/m, "id: [broken"), "A broken edit");
    const refused = await gk.follow();
    expect(refused).toMatchObject({ kind: "refused", commit: broken });
    expect(refused.kind === "refused" && refused.problems[0]).toMatchObject({ file: FILE, line: expect.any(Number) });
    expect(gk.served()).toBe(good);
    expect(gk.refused()?.commit).toBe(broken);
    expect(plain((await ask("Montako sote-järjestöä Kainuussa on?")).text)).toContain(String(before + 7));
    expect(await gk.follow()).toEqual({ kind: "same" });

    const fixed = await repo.push(FILE, withNgos(await git(repo.bare, ["show", `${good}:${FILE}`]), before + 8), "Fixed");
    expect(await gk.follow()).toMatchObject({ kind: "advanced", commit: fixed });
    expect(gk.refused()).toBeUndefined();
    expect(first).not.toBe(fixed);
  });

  it("starts on the newest valid commit when the branch's head is broken, and says which was refused", async () => {
    const good = (await repo.log())[0]!.commit;
    const broken = await repo.push(FILE, "kind: region\nid: [broken", "Broken head");
    await start();
    expect(gk.served()).toBe(good);
    expect(gk.refused()).toMatchObject({ commit: broken, problems: [expect.objectContaining({ file: FILE })] });
  });
});

describe("changes from chat as commits", () => {
  it("commits a confirmed change as the coordinator, lists it in historia, and peru reverts it with a revert commit", async () => {
    await start();
    const before = figure(kainuu(), "ngos");
    const preview = await say(`päivitä Kainuu järjestöjä ${before + 5} lähde aluekierros-2023 2024`);
    const done = await say(`vahvista ${confirmId(preview)}`);
    expect(done.answered).toBe(true);
    const [head] = await repo.log();
    expect(head).toMatchObject({ author: "Kaisa Koordinaattori", email: "slack.UCOORD@example.org" });
    expect(head!.subject).toContain(FILE);
    expect(head!.body).toMatch(new RegExp(`Change-Id: ${confirmId(preview)}`));
    expect(ngos(await repo.atHead(FILE))).toBe(before + 5);
    expect(done.text).toContain(head!.commit.slice(0, 8));
    expect(await state.historyRecord(confirmId(preview))).toMatchObject({ files: [expect.objectContaining({ file: FILE })] });

    const history = await say("historia");
    expect(history.text).toContain(head!.commit.slice(0, 8));
    expect(history.text).toContain("Kaisa Koordinaattori");
    const undo = await say(`peru ${head!.commit.slice(0, 8)}`);
    await say(`vahvista ${confirmId(undo)}`);
    const [revert] = await repo.log();
    expect(revert!.subject).toMatch(/^Revert "/);
    expect(revert!.body).toContain(`This reverts commit ${head!.commit}.`);
    expect(ngos(await repo.atHead(FILE))).toBe(before);
    expect(plain((await ask("Montako sote-järjestöä Kainuussa on?")).text)).toContain(String(before));
  });

  it("commits a spreadsheet of figures for two regions as one commit, and peru reverts both files in one revert", async () => {
    await start();
    const lappi = "regions/lappi.yaml";
    const before = { kainuu: await repo.atHead(FILE), lappi: await repo.atHead(lappi) };
    const csv = ["region,figure,value,source,as_of", `kainuu,ngos,${ngos(before.kainuu) + 11},aluekierros-2023,2023`, `lappi,ngos,${ngos(before.lappi) + 12},aluekierros-2023,2023`].join("\n");
    const upload = { text: "", userId: "slack:UCOORD", userName: "Kaisa Koordinaattori", conversationId: "c-csv", platform: "slack", address: { channel: "D1" }, attachment: { name: "luvut.csv", text: csv } };
    const preview = await bot.handle(upload);
    await say(`vahvista ${confirmId(preview)}`);
    const [head, previous] = await repo.log();
    expect(head!.subject).toMatch(/^2 tiedostoa: /);
    expect(await git(repo.bare, ["diff-tree", "--no-commit-id", "-r", "--name-only", head!.commit])).toBe(`${FILE}\n${lappi}\n`);
    expect([ngos(await repo.atHead(FILE)), ngos(await repo.atHead(lappi))]).toEqual([ngos(before.kainuu) + 11, ngos(before.lappi) + 12]);

    await say(`vahvista ${confirmId(await say(`peru ${head!.commit.slice(0, 8)}`))}`);
    const [revert] = await repo.log();
    expect(revert!.subject).toMatch(/^Revert "/);
    expect(await git(repo.bare, ["diff", previous!.commit, revert!.commit])).toBe("");
    expect({ kainuu: await repo.atHead(FILE), lappi: await repo.atHead(lappi) }).toEqual(before);
  });

  it("rebases onto a commit pushed meanwhile to another file, validates and pushes; refuses a conflict on the same file", async () => {
    await start();
    const before = figure(kainuu(), "ngos");
    const lappi = "regions/lappi.yaml";
    // Someone pushes to another file after the bot last pulled: the bot's push loses the race.
    const other = await repo.push(lappi, repo.read(lappi) + "\n# a comment\n", "Lappi: a comment");
    await say(`vahvista ${confirmId(await say(`päivitä Kainuu järjestöjä ${before + 1} lähde aluekierros-2023 2024`))}`);
    const log = await repo.log();
    expect(log[1]!.commit).toBe(other);
    expect(log[0]!.body).toContain("Change-Id:");
    expect(logged.some((l) => l.event === "knowledge push lost a race; rebasing")).toBe(true);

    // Now someone changes the same lines the bot's change touches.
    const mine = await say(`päivitä Kainuu järjestöjä ${before + 2} lähde aluekierros-2023 2024`);
    await repo.push(FILE, withNgos(repo.read(FILE), before + 3), "Kainuu by hand");
    const refused = await say(`vahvista ${confirmId(mine)}`);
    expect(refused.text).toMatch(/Ristiriita/);
    expect(ngos(await repo.atHead(FILE))).toBe(before + 3);
    expect(gk.served()).not.toBe((await repo.log())[0]!.commit);
  });

  it("reports the repository's refusal in its own words and changes nothing", async () => {
    const hook = join(repo.bare, "hooks", "pre-receive");
    writeFileSync(hook, "#!/bin/sh\necho 'this branch is protected' >&2\nexit 1\n");
    chmodSync(hook, 0o755);
    await start();
    const head = (await repo.log())[0]!.commit;
    const r = await say(`vahvista ${confirmId(await say("päivitä Kainuu järjestöjä 1 lähde aluekierros-2023 2024"))}`);
    expect(r.answered).toBe(false);
    expect(r.text).toMatch(/hylkäsi/);
    expect((await repo.log())[0]!.commit).toBe(head);
    expect(gk.served()).toBe(head);
  });

  it("settles a change a stopped instance left writing: applied once its commit is on the branch", async () => {
    const files = await start();
    const preview = await say(`päivitä Kainuu järjestöjä 42 lähde aluekierros-2023 2024`);
    const id = confirmId(preview);
    const change = (await state.proposed(id, new Date()))!;
    // What a killed instance leaves: the change recorded as writing and its commit pushed, nothing after.
    await state.startWriting(id, new Date());
    await repo.push(FILE, change.files[0]!.after, `${FILE}: by a stopped instance\n\nChange-Id: ${id}`);
    await gk.follow();
    expect(await files.settle(new Date())).toEqual({ applied: [id], failed: [] });
    expect(await state.historyRecord(id)).toBeDefined();
    // A change never pushed stays writing until the time any push takes has surely passed.
    const other = confirmId(await say(`päivitä Kainuu järjestöjä 43 lähde aluekierros-2023 2024`));
    await state.startWriting(other, new Date());
    expect(await files.settle(new Date())).toEqual({ applied: [], failed: [] });
    expect(await files.settle(new Date(Date.now() + 11 * 60_000))).toEqual({ applied: [], failed: [other] });
  });
});
