// The one HTTP server that every HTTP-speaking adapter shares (Slack's HTTP mode and Teams both
// listen on PORT). No global body parser here: Bolt verifies Slack's signature over the raw body,
// so each adapter parses its own routes' bodies.
import express from "express";
import type { Server } from "node:http";
import type { AddressInfo } from "node:net";
import type { PlatformAdapter } from "./platform.js";

export interface RunningServer {
  url: string;
  port: number;
  close(): Promise<void>;
}

/** Mounts the adapters' routes and listens; port 0 picks a free port (tests). */
export async function startHttpServer(
  adapters: PlatformAdapter[],
  options: { port: number; host: string },
): Promise<RunningServer> {
  const app = express();
  app.disable("x-powered-by");
  app.get("/healthz", (_req, res) => {
    res.json({ ok: true, adapters: adapters.map((a) => a.name) });
  });
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
