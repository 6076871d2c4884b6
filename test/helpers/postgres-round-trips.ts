// A TCP proxy in front of the tests' PostgreSQL that records every round trip the bot makes, read
// from the wire: the frontend protocol's simple Query ('Q') and the Sync ('S') that ends an
// extended query (Parse/Bind/Execute, which `pg` uses for queries with parameters). Each waits for
// the server's ReadyForQuery, so each is one round trip, whatever the client library does above.
import { createConnection, createServer, type Socket } from "node:net";
import type { AddressInfo } from "node:net";

export interface RoundTrip {
  /** The statement's text (the last Parse before the Sync), as sent. */
  sql: string;
  /** performance.now() when the proxy saw it leave the bot. */
  at: number;
}

/** Reads frontend messages from one connection's byte stream, calling `trip` at each round trip. */
function frontendReader(trip: (sql: string) => void) {
  let buffer = Buffer.alloc(0);
  let started = false;
  let parsed = "";
  return (chunk: Buffer) => {
    buffer = Buffer.concat([buffer, chunk]);
    for (;;) {
      // The startup message has no type byte: its length comes first.
      const head = started ? 1 : 0;
      if (buffer.length < head + 4) return;
      const length = buffer.readInt32BE(head);
      if (buffer.length < head + length) return;
      const type = started ? String.fromCharCode(buffer[0]!) : "";
      const body = buffer.subarray(head + 4, head + length);
      buffer = buffer.subarray(head + length);
      started = true;
      const cstring = (from: number) => body.toString("utf8", from, body.indexOf(0, from));
      if (type === "Q") trip(cstring(0));
      // Parse: the statement's name, then its text.
      else if (type === "P") parsed = cstring(body.indexOf(0) + 1);
      else if (type === "S") trip(parsed);
    }
  };
}

/** Listens on a free port and forwards to `url`'s server; `url` with the proxy's port, and the round trips seen. */
export async function countRoundTrips(url: string): Promise<{ url: string; trips: RoundTrip[]; close(): Promise<void> }> {
  const upstream = new URL(url);
  const trips: RoundTrip[] = [];
  const sockets = new Set<Socket>();
  const server = createServer((client) => {
    const server = createConnection({ host: upstream.hostname, port: Number(upstream.port) });
    for (const s of [client, server]) {
      sockets.add(s);
      s.on("close", () => sockets.delete(s)).on("error", () => undefined);
    }
    const read = frontendReader((sql) => trips.push({ sql, at: performance.now() }));
    client.on("data", (chunk: Buffer) => (read(chunk), server.write(chunk)));
    server.pipe(client);
    client.on("close", () => server.end());
    server.on("close", () => client.end());
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const proxied = new URL(url);
  proxied.port = String((server.address() as AddressInfo).port);
  return {
    url: proxied.toString(),
    trips,
    close: () => new Promise<void>((resolve) => {
      for (const s of sockets) s.destroy();
      server.close(() => resolve());
    }),
  };
}
