// Keys that one instance claims for a while so that no other acts on them too: a Slack event id or
// a Teams activity id (a platform's retry is answered once), a thread the bot answered in (a reply
// there, on any instance, continues the conversation), a knowledge commit announced. In memory for
// one instance; in the shared database (INSERT … ON CONFLICT DO NOTHING) for several.
import { migrate, perDialect, type Sql } from "./database.js";
import { CONTEXT_OF, type SqlConversations } from "./sql-conversations.js";

export interface Claims {
  /**
   * True when this call claimed the key; false while someone holds it (until its time is up).
   * `conversationId` names the conversation the event belongs to: a shared store reads its
   * context in the same round trip, for the answer that follows.
   */
  claim(key: string, ttlMs: number, conversationId?: string): Promise<boolean>;
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

/** Claims in the database; given the shared contexts, a claim reads its conversation's context too. */
export async function createSqlClaims(sql: Sql, now: () => number = Date.now, contexts?: SqlConversations): Promise<Claims> {
  // UNLOGGED in PostgreSQL: no write-ahead log to wait for; a server crash empties the table,
  // which costs at most one repeated answer.
  await migrate(sql, [{ name: "claims/001-claims", up: perDialect((d) => `CREATE ${d === "postgres" ? "UNLOGGED " : ""}TABLE claims (key TEXT PRIMARY KEY, expires_at BIGINT NOT NULL)`) }]);
  // A new key is inserted; an expired one is taken over; a held one changes nothing (0 rows).
  const claim = async (key: string, ttlMs: number) => (await sql.run(CLAIM, [key, now() + ttlMs, now()])) === 1;
  /** PostgreSQL: one statement, so one round trip; SQLite has no INSERT in WITH, and no round trips either. */
  const claimReading = async (key: string, ttlMs: number, conversationId: string): Promise<{ claimed: boolean; context: string | undefined }> => {
    if (sql.dialect === "sqlite") return { claimed: await claim(key, ttlMs), context: (await sql.get<{ context: string }>(CONTEXT_OF, [conversationId, now()]))?.context };
    const row = await sql.get<{ claimed: boolean; context: string | null }>(`WITH claimed AS (${CLAIM} RETURNING 1) SELECT EXISTS (SELECT 1 FROM claimed) AS claimed, (${CONTEXT_OF}) AS context`, [key, now() + ttlMs, now(), conversationId, now()]);
    return { claimed: row!.claimed, context: row!.context ?? undefined };
  };
  return {
    async claim(key, ttlMs, conversationId) {
      if (!contexts || conversationId === undefined) return claim(key, ttlMs);
      const { claimed, context } = await claimReading(key, ttlMs, conversationId);
      // A repeated event is not answered, so its read is not kept.
      if (claimed) contexts.readAhead(conversationId, context);
      return claimed;
    },
    has: async (key) => (await sql.get("SELECT 1 AS held FROM claims WHERE key = ? AND expires_at > ?", [key, now()])) !== undefined,
    expire: (at) => sql.run("DELETE FROM claims WHERE expires_at <= ?", [at]),
  };
}
