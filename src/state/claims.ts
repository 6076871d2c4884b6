// Keys that one instance claims for a while so that no other acts on them too: a Slack event id or
// a Teams activity id (a platform's retry is answered once), a thread the bot answered in (a reply
// there, on any instance, continues the conversation), a knowledge commit announced. In memory for
// one instance; in the shared database (INSERT … ON CONFLICT DO NOTHING) for several.
import { migrate, perDialect, type Sql } from "./database.js";
import { oneRow, slots, valuesOf, type Place, type ReadAhead, type Select, type Value } from "./read-ahead.js";

/** What an event's claim also reads, in its own round trip, for the answer that follows. */
export interface ClaimReads {
  /** Where the event was written: every read registered with the shared store's ReadAhead. */
  place: Place;
  /** Another key whose holding the event's handling asks next (`has`), such as its thread's. */
  held?: string;
}

export interface Claims {
  /** True when this call claimed the key; false while someone holds it (until its time is up). */
  claim(key: string, ttlMs: number, reads?: ClaimReads): Promise<boolean>;
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

const CLAIM = "INSERT INTO claims (key, expires_at) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET expires_at = excluded.expires_at WHERE claims.expires_at <= ?";

/** Claims in the database; given the shared store's reads ahead, a claim makes them in its own statement. */
export async function createSqlClaims(sql: Sql, now: () => number = Date.now, ahead?: ReadAhead): Promise<Claims> {
  // UNLOGGED in PostgreSQL: no write-ahead log to wait for; a server crash empties the table,
  // which costs at most one repeated answer.
  await migrate(sql, [{ name: "claims/001-claims", up: perDialect((d) => `CREATE ${d === "postgres" ? "UNLOGGED " : ""}TABLE claims (key TEXT PRIMARY KEY, expires_at BIGINT NOT NULL)`) }]);
  // A new key is inserted; an expired one is taken over; a held one changes nothing (0 rows).
  const claim = async (key: string, ttlMs: number) => (await sql.run(CLAIM, [key, now() + ttlMs, now()])) === 1;
  const holding = (key: string): Select => ({ sql: "SELECT key FROM claims WHERE key = ? AND expires_at > ?", params: [key, now()] });
  /** Keys whose holding was read with an event's claim, for its `has` right after. */
  const heldAhead = slots(now);
  /** PostgreSQL: one statement, so one round trip; SQLite has no INSERT in WITH, and no round trips either. */
  const claimReading = async (key: string, ttlMs: number, selects: Select[]): Promise<Value[] | undefined> => {
    if (sql.dialect === "sqlite") {
      if (!(await claim(key, ttlMs))) return undefined;
      const q = oneRow(selects);
      return valuesOf(selects.length ? await sql.get(q.sql, q.params) : undefined, selects.length);
    }
    const q = oneRow(selects, { with: `WITH claimed AS (${CLAIM} RETURNING 1)`, column: "EXISTS (SELECT 1 FROM claimed) AS claimed", params: [key, now() + ttlMs, now()] });
    const row = await sql.get<Record<string, unknown>>(q.sql, q.params);
    return row?.claimed === true ? valuesOf(row, selects.length) : undefined;
  };
  return {
    async claim(key, ttlMs, reads) {
      if (!reads || (!ahead && reads.held === undefined)) return claim(key, ttlMs);
      const registered = ahead?.selects(reads.place);
      const selects = [...(registered?.selects ?? []), ...(reads.held === undefined ? [] : [holding(reads.held)])];
      const values = await claimReading(key, ttlMs, selects);
      // A repeated event is not answered, so what was read with its claim is not kept.
      if (!values) return false;
      registered?.deliver(values);
      if (reads.held !== undefined) heldAhead.put(reads.held, values.at(-1)!);
      return true;
    },
    async has(key) {
      const read = heldAhead.take(key);
      if (read) return read.value !== null;
      const q = holding(key);
      return (await sql.get(q.sql, q.params)) !== undefined;
    },
    expire: (at) => sql.run("DELETE FROM claims WHERE expires_at <= ?", [at]),
  };
}
