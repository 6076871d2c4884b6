// Home regions in the bot's one SQLite file (src/state/database.ts), one row per level and place.
import { migrate, type Db, type Migration } from "../state/database.js";
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

export function createSqliteHomeRegionStore(db: Db): HomeRegionStore {
  migrate(db, MIGRATIONS);
  const one = db.prepare<[HomeLevel, string], string>("SELECT region FROM home_regions WHERE level = ? AND place = ?").pluck();
  const upsert = db.prepare(`INSERT INTO home_regions (level, place, region, set_by, set_at) VALUES (?, ?, ?, ?, ?)
    ON CONFLICT (level, place) DO UPDATE SET region = excluded.region, set_by = excluded.set_by, set_at = excluded.set_at`);
  const remove = db.prepare("DELETE FROM home_regions WHERE level = ? AND place = ?");
  const find = (level: HomeLevel, place: string | undefined) => (place === undefined ? undefined : one.get(level, place));
  return {
    async settingsFor({ channel, organisation }) {
      const [c, o] = [find("channel", channel), find("organisation", organisation)];
      return { ...(c ? { channel: c } : {}), ...(o ? { organisation: o } : {}) };
    },
    async set(s) {
      upsert.run(s.level, s.place, s.region, s.setBy, s.at);
    },
    clear: async (level, place) => remove.run(level, place).changes === 1,
  };
}
