// The one HTTP server that every HTTP-speaking adapter shares (Slack's HTTP mode and Teams both
// listen on PORT). No global body parser here: Bolt verifies Slack's signature over the raw body,
// so each adapter parses its own routes' bodies.
import express, { type Express } from "express";
import type { Server } from "node:http";
import type { AddressInfo } from "node:net";
import type { PlatformAdapter } from "./platform.js";

export interface RunningServer {
  url: string;
  port: number;
  close(): Promise<void>;
}

/** What /health says: 200 while the instance can serve (its database answers), 503 when not. */
export type Health = () => Promise<{ ok: boolean } & Record<string, unknown>>;

/** Mounts /health, the runtime's own routes and the adapters' routes, and listens; port 0 picks a free port (tests). */
export async function startHttpServer(
  adapters: PlatformAdapter[],
  options: { port: number; host: string; health?: Health; routes?: Array<(app: Express) => void> },
): Promise<RunningServer> {
  const app = express();
  app.disable("x-powered-by");
  // The load balancer's check: knowledge commit, database status, adapters.
  app.get("/health", (_req, res) => {
    (options.health ?? (async () => ({ ok: true })))().then(
      (h) => res.status(h.ok ? 200 : 503).json({ ...h, adapters: adapters.map((a) => a.name) }),
      (err: unknown) => res.status(503).json({ ok: false, error: (err as Error).message }),
    );
  });
  for (const route of options.routes ?? []) route(app);
  for (const adapter of adapters) adapter.routes?.(app);
  const server: Server = await new Promise((resolve, reject) => {
    const s = app.listen(options.port, options.host, () => resolve(s));
    s.once("error", reject);
  });
  // Keep idle connections open longer than the clients in front of us (a load balancer's 60 s,
  // fetch's 4 s): when the server closes first, a request already sent on that connection fails.
  server.keepAliveTimeout = 65_000;
  const { port } = server.address() as AddressInfo;
  const host = options.host.includes(":") ? `[${options.host}]` : options.host;
  return {
    url: `http://${host}:${port}`,
    port,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
