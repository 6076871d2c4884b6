import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    include: ["test/**/*.test.ts"],
    environment: "node",
    testTimeout: 20_000,
    hookTimeout: 20_000,
    // The compiled command, fresh, for the tests that run it (test/build-setup.ts); one real
    // PostgreSQL for the tests of the shared state (test/helpers/postgres.ts).
    globalSetup: ["test/build-setup.ts", "test/postgres-setup.ts"],
  },
});
