// DATA_RETENTION_DAYS through the runtime: the clean-up runs when the bot starts (and every few
// hours after), and what is older than the period is gone from the database file.
import { afterEach, describe, expect, it } from "vitest";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { createMemoryLogger } from "../../adapters/log.js";
import { startRuntime } from "../../adapters/runtime.js";
import { createSqlLoopStore } from "../../src/loop/sql-store.js";
import { openDatabase } from "../../src/state/database.js";
import { KNOWLEDGE_DIR } from "../helpers/bot.js";

const dirs: string[] = [];
afterEach(() => dirs.splice(0).forEach((d) => rmSync(d, { recursive: true, force: true })));

const ago = (ms: number) => new Date(Date.now() - ms).toISOString();
const DAY = 86_400_000;

describe("the retention clean-up", () => {
  it("deletes questions older than DATA_RETENTION_DAYS when the bot starts, and keeps newer ones", async () => {
    const dataDir = mkdtempSync(join(tmpdir(), "retention-"));
    dirs.push(dataDir);
    const db = await openDatabase({ dataDir });
    const store = await createSqlLoopStore(db);
    const base = { platform: "slack", conversationId: "slack:D1", userId: "slack:U1", address: { channel: "D1" }, language: "fi" as const, answered: false, regions: ["lappi"], topics: [] };
    const old = store.addQuestion({ ...base, at: ago(31 * DAY), text: "vanha" });
    await store.rate(old, "down", ago(31 * DAY));
    const middle = store.addQuestion({ ...base, at: ago(3 * DAY), text: "keski" });
    const fresh = store.addQuestion({ ...base, at: ago(3_600_000), text: "tuore" });
    await store.flush();
    await db.close();

    const runtime = await startRuntime({ DATA_DIR: dataDir, DATA_RETENTION_DAYS: "30" }, createMemoryLogger(), KNOWLEDGE_DIR);
    await runtime.stop();

    const after = await openDatabase({ dataDir });
    const left = await createSqlLoopStore(after);
    expect(await left.question(old)).toBeUndefined();
    expect((await left.report()).feedback.down).toBe(0);
    expect(await left.question(middle)).toMatchObject({ text: "keski" });
    expect(await left.question(middle)).not.toHaveProperty("userId");
    expect(await left.question(fresh)).toMatchObject({ text: "tuore", userId: "slack:U1" });
    await after.close();
  });

  it("refuses to start with a retention period that is not a positive number", async () => {
    const dataDir = mkdtempSync(join(tmpdir(), "retention-"));
    dirs.push(dataDir);
    await expect(startRuntime({ DATA_DIR: dataDir, DATA_RETENTION_DAYS: "forever" }, createMemoryLogger(), KNOWLEDGE_DIR)).rejects.toThrow(/DATA_RETENTION_DAYS/);
  });
});
