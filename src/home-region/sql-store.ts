// Home regions in the bot's database (SQLite or PostgreSQL, src/state/sql.ts), one row per level and place.
import { migrate, type Migration, type Sql } from "../state/database.js";
import type { ReadAhead } from "../state/read-ahead.js";
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

type Places = { channel?: string; organisation?: string };

/** The settings of a channel and of an organisation, the two its parameters. */
const AT_PLACES = "FROM home_regions WHERE (level = 'channel' AND place = ?) OR (level = 'organisation' AND place = ?)";
const placesOf = ({ channel, organisation }: Places) => [channel ?? null, organisation ?? null];

/** The narrowest setting for the places: 'channel' sorts before 'organisation'. */
const regionOf = (places: Places) => ({ sql: `SELECT region ${AT_PLACES} ORDER BY level LIMIT 1`, params: placesOf(places) });

/** With the shared store's reads ahead (a server), a question's home region is read with its event's claim. */
export async function createSqlHomeRegionStore(sql: Sql, ahead?: ReadAhead): Promise<HomeRegionStore> {
  await migrate(sql, MIGRATIONS);
  const readAhead = ahead?.add<Places>({
    of: ({ channel, organisation }) => (channel || organisation ? { channel, organisation } : undefined),
    key: (p) => `${p.channel ?? ""}\n${p.organisation ?? ""}`,
    select: regionOf,
  });
  return {
    async regionFor(places) {
      const read = readAhead?.(places);
      if (read) return read.value ?? undefined;
      const q = regionOf(places);
      return (await sql.get<{ region: string }>(q.sql, q.params))?.region;
    },
    // One query for both levels (a round trip each counts on a server).
    async settingsFor(places) {
      const rows = await sql.all<{ level: HomeLevel; region: string }>(`SELECT level, region ${AT_PLACES}`, placesOf(places));
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
