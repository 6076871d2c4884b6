// Home regions in the bot's database (SQLite or PostgreSQL, src/state/sql.ts), one row per level and place.
import { migrate, type Migration, type Sql } from "../state/database.js";
import type { HomeLevel } from "./commands.js";
import type { HomeRegionStore } from "./store.js";

const MIGRATIONS: Migration[] = [
  {
    name: "home-region/001-settings",
    up: `CREATE TABLE home_regions (
      level TEXT NOT NULL CHECK (level IN ('channel', 'organisation')),
      place TEXT NOT NULL,
      region TEXT NOT NULL,
      set_by TEXT NOT NULL,
      set_at TEXT NOT NULL,
      PRIMARY KEY (level, place)
    )`,
  },
];

export async function createSqlHomeRegionStore(sql: Sql): Promise<HomeRegionStore> {
  await migrate(sql, MIGRATIONS);
  return {
    // Asked for every question: one query for both levels (a round trip each counts on a server).
    async settingsFor({ channel, organisation }) {
      const rows = await sql.all<{ level: HomeLevel; region: string }>(
        "SELECT level, region FROM home_regions WHERE (level = 'channel' AND place = ?) OR (level = 'organisation' AND place = ?)",
        [channel ?? null, organisation ?? null],
      );
      return Object.fromEntries(rows.map((r) => [r.level, r.region]));
    },
    async set(s) {
      await sql.run(
        `INSERT INTO home_regions (level, place, region, set_by, set_at) VALUES (?, ?, ?, ?, ?)
         ON CONFLICT (level, place) DO UPDATE SET region = excluded.region, set_by = excluded.set_by, set_at = excluded.set_at`,
        [s.level, s.place, s.region, s.setBy, s.at],
      );
    },
    clear: async (level, place) => (await sql.run("DELETE FROM home_regions WHERE level = ? AND place = ?", [level, place])) === 1,
  };
}
