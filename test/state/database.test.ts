import { afterEach, describe, expect, it } from "vitest";
import { existsSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { DATABASE_FILE, migrate, openDatabase, type Migration } from "../../src/state/database.js";

const dirs: string[] = [];
const tempDir = () => {
  const d = mkdtempSync(join(tmpdir(), "db-"));
  dirs.push(d);
  return d;
};
afterEach(() => dirs.splice(0).forEach((d) => rmSync(d, { recursive: true, force: true })));

const notes: Migration[] = [
  { name: "notes/001-table", up: "CREATE TABLE notes (id INTEGER PRIMARY KEY, text TEXT NOT NULL)" },
  { name: "notes/002-seed", up: (db) => void db.prepare("INSERT INTO notes (text) VALUES (?)").run("first") },
];

describe("the shared database", () => {
  it("opens one WAL file under the data directory and runs each migration once", () => {
    const dir = join(tempDir(), "nested");
    const db = openDatabase(dir, notes);
    expect(existsSync(join(dir, DATABASE_FILE))).toBe(true);
    expect(db.pragma("journal_mode", { simple: true })).toBe("wal");
    db.close();
    const again = openDatabase(dir, notes);
    expect(again.prepare("SELECT text FROM notes").pluck().all()).toEqual(["first"]);
    again.close();
  });

  it("lets another module add its own tables to the same file without touching the first list", () => {
    const dir = tempDir();
    openDatabase(dir, notes).close();
    const db = openDatabase(dir);
    const ran = migrate(db, [{ name: "logs/001-table", up: "CREATE TABLE logs (at TEXT)" }]);
    expect(ran).toEqual(["logs/001-table"]);
    expect(migrate(db, notes)).toEqual([]);
    expect(db.prepare("SELECT name FROM migrations ORDER BY name").pluck().all()).toEqual(["logs/001-table", "notes/001-table", "notes/002-seed"]);
    db.close();
  });

  it("rolls a failing migration back whole and leaves it unrecorded", () => {
    const db = openDatabase(tempDir());
    const broken: Migration = { name: "bad/001", up: "CREATE TABLE half (x); INSERT INTO nowhere VALUES (1)" };
    expect(() => migrate(db, [broken])).toThrow(/nowhere/);
    expect(db.prepare("SELECT count(*) FROM sqlite_master WHERE name = 'half'").pluck().get()).toBe(0);
    expect(db.prepare("SELECT count(*) FROM migrations").pluck().get()).toBe(0);
    db.close();
  });

  it("refuses a list that names one migration twice", () => {
    const db = openDatabase(tempDir());
    expect(() => migrate(db, [notes[0]!, notes[0]!])).toThrow(/twice/);
    db.close();
  });
});
