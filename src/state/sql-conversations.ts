// Conversation contexts in the shared database, so that a follow-up answered by another instance
// knows the previous question. A row lives until its expiry (30 idle minutes); reads ignore expired
// rows and the chores delete them.
//
// A question costs the database one round trip before its reply, not three:
// - the read rides on the event's claim (claims.ts reads the context in the same statement and
//   hands it over with readAhead), when the answer starts right after the claim;
// - the write is not waited for: the bot sends it and posts its reply while it lands. A follow-up
//   is typed by someone who has read that reply, long after a write of a millisecond; on this
//   instance it reads the context being written, not the row. A write that fails is reported
//   (onError) and costs the follow-up its context, not the reply.
import type { ConversationStore } from "../conversation.js";
import { migrate, perDialect, type Sql } from "./database.js";

export interface SqlConversations extends ConversationStore {
  /** Deletes the contexts that expired before now; returns how many. */
  expire(now: number): Promise<number>;
  /** A context read with the event's claim (or none saved): the next get of that conversation uses it if it comes soon. */
  readAhead(id: string, context: string | undefined): void;
  /** Resolves when every write sent so far has landed (or failed): before the database closes. */
  settle(): Promise<void>;
}

/** The SELECT that reads a live context, `id` and `now` its parameters: claims.ts joins it to a claim. */
export const CONTEXT_OF = "SELECT context FROM conversations WHERE id = ? AND expires_at > ?";

/**
 * How long a context read with the claim stays good for the answer. Between them the adapter only
 * checks what the event is (a click, a form, a file); any later answer reads the row again.
 */
const READ_AHEAD_MS = 1_000;
/** Read-aheads kept at most (a click never reads its own); all are dropped when there are more. */
const MAX_READ_AHEAD = 10_000;

export interface SqlConversationsOptions {
  now?: () => number;
  /** A write that failed (the database unreachable): the conversation's next question starts afresh. */
  onError?: (err: unknown, conversationId: string) => void;
  /** Where writes go when they are counted apart from what replies wait for (sql.ts); `sql` by default. */
  background?: Sql;
}

export async function createSqlConversations(sql: Sql, o: SqlConversationsOptions = {}): Promise<SqlConversations> {
  const { now = Date.now, onError = () => {}, background = sql } = o;
  await migrate(sql, [
    {
      name: "conversations/001-contexts",
      // UNLOGGED in PostgreSQL: contexts are written on every question and live 30 minutes; a
      // server crash empties the table, and follow-ups start afresh.
      up: perDialect((d) => `CREATE ${d === "postgres" ? "UNLOGGED " : ""}TABLE conversations (id TEXT PRIMARY KEY, context TEXT NOT NULL, expires_at BIGINT NOT NULL);
        CREATE INDEX conversations_expiry ON conversations (expires_at);`),
    },
  ]);
  const ahead = new Map<string, { context: string | undefined; at: number }>();
  // Writes sent and not yet landed, the newest per conversation; one conversation's land in order.
  const writing = new Map<string, { context: string; expiresAt: number; landed: Promise<void> }>();
  return {
    async get(id) {
      const read = ahead.get(id);
      ahead.delete(id);
      const pending = writing.get(id);
      if (pending) return pending.expiresAt > now() ? pending.context : undefined;
      if (read && now() - read.at < READ_AHEAD_MS) return read.context;
      return (await sql.get<{ context: string }>(CONTEXT_OF, [id, now()]))?.context;
    },
    readAhead(id, context) {
      if (ahead.size >= MAX_READ_AHEAD) ahead.clear();
      ahead.set(id, { context, at: now() });
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
