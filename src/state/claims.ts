// Keys that one instance claims for a while so that no other acts on them too: a Slack event id or
// a Teams activity id (a platform's retry is answered once), a thread the bot answered in (a reply
// there, on any instance, continues the conversation), a knowledge commit announced. In memory for
// one instance; in the shared database (INSERT … ON CONFLICT DO NOTHING) for several.
import { migrate, perDialect, type Sql } from "./database.js";

export interface Claims {
  /** True when this call claimed the key; false while someone holds it (until its time is up). */
  claim(key: string, ttlMs: number): Promise<boolean>;
  /** Whether the key is held now. */
  has(key: string): Promise<boolean>;
  /** Deletes claims whose time is up (the chores); returns how many. */
  expire(now: number): Promise<number>;
}

/** One process's claims: at most `max` keys, the oldest forgotten first. */
export function memoryClaims(max = 10_000, now: () => number = Date.now): Claims {
  const keys = new Map<string, number>();
  const held = (key: string) => (keys.get(key) ?? 0) > now();
  return {
    async claim(key, ttlMs) {
      if (held(key)) return false;
      keys.delete(key);
      keys.set(key, now() + ttlMs);
      if (keys.size > max) keys.delete(keys.keys().next().value!);
      return true;
    },
    has: async (key) => held(key),
    async expire(at) {
      let n = 0;
      for (const [key, until] of keys) if (until <= at && keys.delete(key)) n++;
      return n;
    },
  };
}

export async function createSqlClaims(sql: Sql, now: () => number = Date.now): Promise<Claims> {
  // UNLOGGED in PostgreSQL: no write-ahead log to wait for; a server crash empties the table,
  // which costs at most one repeated answer.
  await migrate(sql, [{ name: "claims/001-claims", up: perDialect((d) => `CREATE ${d === "postgres" ? "UNLOGGED " : ""}TABLE claims (key TEXT PRIMARY KEY, expires_at BIGINT NOT NULL)`) }]);
  return {
    // A new key is inserted; an expired one is taken over; a held one changes nothing (0 rows).
    claim: async (key, ttlMs) =>
      (await sql.run("INSERT INTO claims (key, expires_at) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET expires_at = excluded.expires_at WHERE claims.expires_at <= ?", [key, now() + ttlMs, now()])) === 1,
    has: async (key) => (await sql.get("SELECT 1 AS held FROM claims WHERE key = ? AND expires_at > ?", [key, now()])) !== undefined,
    expire: (at) => sql.run("DELETE FROM claims WHERE expires_at <= ?", [at]),
  };
}
