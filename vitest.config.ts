import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    include: ["test/**/*.test.ts"],
    environment: "node",
    testTimeout: 20_000,
    hookTimeout: 20_000,
    // One real PostgreSQL for the tests of the shared state (test/helpers/postgres.ts).
    globalSetup: ["test/postgres-setup.ts"],
  },
});
