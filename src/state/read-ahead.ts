// Reads made ahead, with PostgreSQL shared by several instances: before its reply, a question needs
// its conversation's context, its place's home region and whether its conversation is a
// coordinators' case, each from a different store. Asked one by one they are three round trips to
// the server; here every store registers the SELECT it would make, and the event's claim
// (claims.ts) runs them all in its own statement. Each value goes to a slot that its store takes
// it from, once, when the answer asks for it.
//
// That is no cache, and so it is as correct with two instances as with one: a slot holds what the
// database said when this instance claimed the event, a few milliseconds before the answer reads
// it, and only the answer that follows uses it (taken once, within a second). A change written by
// another instance after the claim is as unseen as it would be by a read made at that moment.
//
// A message that no claim read for (a slash command, a button) gets the same reads in one SELECT
// of their own as it reaches the bot (wrap), so it too waits for one round trip, not three.
import type { Bot, IncomingMessage } from "../seam.js";
import type { Param, Sql } from "./sql.js";

/** Where an event was written, named as IncomingMessage names it: what the reads are about. */
export type Place = Pick<IncomingMessage, "conversationId" | "channel" | "organisation">;

/** A SELECT of one column and at most one row, and its parameters (`?`). */
export interface Select {
  sql: string;
  params: Param[];
}

/** A value read ahead: null when the SELECT found no row. */
export type Value = string | null;

/** One store's read: what it asks about a place (undefined: nothing), and the slot it goes to. */
export interface AheadRead<A> {
  of(place: Place): A | undefined;
  key(a: A): string;
  select(a: A): Select;
}

/** What a store takes for `a`: the value read with the event, or undefined when none was read just now. */
export type Take<A> = (a: A) => { value: Value } | undefined;

export interface ReadAhead {
  /** Registers a store's read; the store asks the returned function before it queries. */
  add<A>(read: AheadRead<A>): Take<A>;
  /** Every registered read for the place, and where their values go (in the same order): for claims.ts. */
  selects(place: Place): { selects: Select[]; deliver(values: Value[]): void };
  /** The bot with every read made in one query before a message that no claim has read for just now. */
  wrap(bot: Bot): Bot;
}

/**
 * How long a value read with the claim stays good for the answer. Between them the adapter only
 * checks what the event is (a click, a form, a file); a later answer reads the row again.
 */
const AHEAD_MS = 1_000;
/** Values kept at most per read (a click never takes its own); all are dropped when there are more. */
const MAX_AHEAD = 10_000;

/** Values read with an event, each taken once while it is fresh. */
export function slots(now: () => number) {
  const held = new Map<string, { value: Value; at: number }>();
  return {
    put(key: string, value: Value): void {
      if (held.size >= MAX_AHEAD) held.clear();
      held.set(key, { value, at: now() });
    },
    take(key: string): { value: Value } | undefined {
      const slot = held.get(key);
      held.delete(key);
      return slot && now() - slot.at < AHEAD_MS ? { value: slot.value } : undefined;
    },
  };
}

/**
 * The selects as one row, each value a column (`SELECT (…) AS v0, (…) AS v1`); `head` comes
 * first (claims.ts puts its INSERT in a WITH there, and its result as the first column).
 */
export function oneRow(selects: Select[], head?: { with: string; column: string; params: Param[] }): Select {
  const columns = [...(head ? [head.column] : []), ...selects.map((s, i) => `(${s.sql}) AS v${i}`)];
  return { sql: `${head ? `${head.with} ` : ""}SELECT ${columns.join(", ")}`, params: [...(head?.params ?? []), ...selects.flatMap((s) => s.params)] };
}

/** The row's values in the order of the selects. */
export const valuesOf = (row: Record<string, unknown> | undefined, count: number): Value[] => Array.from({ length: count }, (_, i) => (row?.[`v${i}`] ?? null) as Value);

const placeKey = (p: Place) => `${p.conversationId}\n${p.channel ?? ""}\n${p.organisation ?? ""}`;

export function createReadAhead(sql: Sql, now: () => number = Date.now): ReadAhead {
  const reads: Array<{ read: AheadRead<unknown>; values: ReturnType<typeof slots> }> = [];
  /** The places read for, so that a message whose claim read for it is not read for again. */
  const placesRead = slots(now);
  const gather = (place: Place) => {
    const asked = reads.flatMap(({ read, values }) => {
      const a = read.of(place);
      return a === undefined ? [] : [{ values, key: read.key(a), select: read.select(a) }];
    });
    return { selects: asked.map((x) => x.select), deliver: (row: Value[]) => asked.forEach(({ values, key }, i) => values.put(key, row[i] ?? null)) };
  };
  /** Every value for the place in one query, with no claim to ride on: one round trip, not one a store. */
  const readAll = async (place: Place) => {
    const { selects, deliver } = gather(place);
    if (selects.length === 0) return;
    const q = oneRow(selects);
    deliver(valuesOf(await sql.get<Record<string, unknown>>(q.sql, q.params), selects.length));
  };
  return {
    add<A>(read: AheadRead<A>): Take<A> {
      const values = slots(now);
      reads.push({ read: read as AheadRead<unknown>, values });
      return (a) => values.take(read.key(a));
    },
    selects(place) {
      const { selects, deliver } = gather(place);
      return { selects, deliver: (row) => (placesRead.put(placeKey(place), null), deliver(row)) };
    },
    wrap: (bot) => ({
      ...bot,
      async handle(m) {
        // A failed read is no failed answer: each store then reads (and reports) on its own.
        if (!placesRead.take(placeKey(m))) await readAll(m).catch(() => undefined);
        return bot.handle(m);
      },
    }),
  };
}
