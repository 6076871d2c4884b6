// Conversation contexts in the shared database, so that a follow-up answered by another instance
// knows the previous question. A row lives until its expiry (30 idle minutes); reads ignore expired
// rows and the chores delete them.
//
// A question costs the database one round trip before its reply:
// - the read rides on the event's claim (read-ahead.ts: the claim reads the context in the same
//   statement, with the other stores' reads), when the answer starts right after the claim;
// - the write is not waited for: the bot sends it and posts its reply while it lands. A follow-up
//   is typed by someone who has read that reply, long after a write of a millisecond; on this
//   instance it reads the context being written, not the row. A write that fails is reported
//   (onError) and costs the follow-up its context, not the reply.
import type { ConversationStore } from "../conversation.js";
import { migrate, perDialect, type Sql } from "./database.js";
import type { ReadAhead } from "./read-ahead.js";

export interface SqlConversations extends ConversationStore {
  /** Deletes the contexts that expired before now; returns how many. */
  expire(now: number): Promise<number>;
  /** Resolves when every write sent so far has landed (or failed): before the database closes. */
  settle(): Promise<void>;
}

/** The SELECT that reads a live context, `id` and `now` its parameters. */
const CONTEXT_OF = "SELECT context FROM conversations WHERE id = ? AND expires_at > ?";

export interface SqlConversationsOptions {
  now?: () => number;
  /** A write that failed (the database unreachable): the conversation's next question starts afresh. */
  onError?: (err: unknown, conversationId: string) => void;
  /** Where writes go when they are counted apart from what replies wait for (sql.ts); `sql` by default. */
  background?: Sql;
  /** The shared store's reads ahead: the context is read with the event's claim. */
  ahead?: ReadAhead;
}

export async function createSqlConversations(sql: Sql, o: SqlConversationsOptions = {}): Promise<SqlConversations> {
  const { now = Date.now, onError = () => {}, background = sql, ahead } = o;
  await migrate(sql, [
    {
      name: "conversations/001-contexts",
      // UNLOGGED in PostgreSQL: contexts are written on every question and live 30 minutes; a
      // server crash empties the table, and follow-ups start afresh.
      up: perDialect((d) => `CREATE ${d === "postgres" ? "UNLOGGED " : ""}TABLE conversations (id TEXT PRIMARY KEY, context TEXT NOT NULL, expires_at BIGINT NOT NULL);
        CREATE INDEX conversations_expiry ON conversations (expires_at);`),
    },
  ]);
  const readAhead = ahead?.add({ of: (p) => p.conversationId, key: (id) => id, select: (id) => ({ sql: CONTEXT_OF, params: [id, now()] }) });
  // Writes sent and not yet landed, the newest per conversation; one conversation's land in order.
  const writing = new Map<string, { context: string; expiresAt: number; landed: Promise<void> }>();
  return {
    async get(id) {
      const read = readAhead?.(id);
      const pending = writing.get(id);
      if (pending) return pending.expiresAt > now() ? pending.context : undefined;
      if (read) return read.value ?? undefined;
      return (await sql.get<{ context: string }>(CONTEXT_OF, [id, now()]))?.context;
    },
    async set(id, context, expiresAt) {
      const before = writing.get(id)?.landed ?? Promise.resolve();
      const landed = before.then(() => background.run("INSERT INTO conversations (id, context, expires_at) VALUES (?, ?, ?) ON CONFLICT (id) DO UPDATE SET context = excluded.context, expires_at = excluded.expires_at", [id, context, expiresAt])).then(
        () => undefined,
        (err: unknown) => onError(err, id),
      );
      const entry = { context, expiresAt, landed };
      writing.set(id, entry);
      await landed;
      if (writing.get(id) === entry) writing.delete(id);
    },
    async settle() {
      await Promise.all([...writing.values()].map((w) => w.landed));
    },
    expire: (at) => sql.run("DELETE FROM conversations WHERE expires_at <= ?", [at]),
  };
}
