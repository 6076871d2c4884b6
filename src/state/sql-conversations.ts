// Conversation contexts in the shared database, so that a follow-up answered by another instance
// knows the previous question. A row lives until its expiry (30 idle minutes); reads ignore expired
// rows and the chores delete them.
import type { ConversationStore } from "../conversation.js";
import { migrate, perDialect, type Sql } from "./database.js";

export interface SqlConversations extends ConversationStore {
  /** Deletes the contexts that expired before now; returns how many. */
  expire(now: number): Promise<number>;
}

export async function createSqlConversations(sql: Sql, now: () => number = Date.now): Promise<SqlConversations> {
  await migrate(sql, [
    {
      name: "conversations/001-contexts",
      // UNLOGGED in PostgreSQL: contexts are written on every question and live 30 minutes; a
      // server crash empties the table, and follow-ups start afresh.
      up: perDialect((d) => `CREATE ${d === "postgres" ? "UNLOGGED " : ""}TABLE conversations (id TEXT PRIMARY KEY, context TEXT NOT NULL, expires_at BIGINT NOT NULL);
        CREATE INDEX conversations_expiry ON conversations (expires_at);`),
    },
  ]);
  return {
    get: async (id) => (await sql.get<{ context: string }>("SELECT context FROM conversations WHERE id = ? AND expires_at > ?", [id, now()]))?.context,
    async set(id, context, expiresAt) {
      await sql.run("INSERT INTO conversations (id, context, expires_at) VALUES (?, ?, ?) ON CONFLICT (id) DO UPDATE SET context = excluded.context, expires_at = excluded.expires_at", [id, context, expiresAt]);
    },
    expire: (at) => sql.run("DELETE FROM conversations WHERE expires_at <= ?", [at]),
  };
}
