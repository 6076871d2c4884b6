// vitest's global setup: one real PostgreSQL for the whole run (dev/stand-ins/postgres.ts).
import type { TestProject } from "vitest/node";
import { startPostgres } from "../dev/stand-ins/postgres.js";

export default async function setup(project: TestProject) {
  const server = await startPostgres();
  project.provide("postgresUrl", server.url);
  return () => server.stop();
}
