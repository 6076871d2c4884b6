// Every reply sent through the Bot Framework connector gets a time limit. botbuilder sets none,
// and its connector factory overwrites any request policy passed in, so the limit is put where
// each turn sends: a connector that accepts the connection and never answers would otherwise hold
// the turn, and the HTTP request Teams sent, forever. The turn then fails and is logged
// (onTurnError), and the next activity is served as usual.
import type { TurnContext } from "botbuilder";

export class ConnectorTimeoutError extends Error {
  override name = "ConnectorTimeoutError";
}

export function withTimeout<T>(work: Promise<T>, ms: number, what: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const expired = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new ConnectorTimeoutError(`${what}: no answer in ${ms} ms`)), ms);
  });
  return Promise.race([work, expired]).finally(() => clearTimeout(timer));
}

/** Bounds each send of this turn (replies, cards, welcomes). */
export function limitSends(context: TurnContext, ms: number): void {
  context.onSendActivities((_context, _activities, next) => withTimeout(next(), ms, "sending to the Bot Framework connector"));
}
