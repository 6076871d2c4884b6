#!/usr/bin/env node
// Runs the TypeScript sources directly through tsx, so there is no build step to forget:
// what is in src/ and adapters/ is what runs.
import { register } from "tsx/esm/api";

register();
const { main } = await import("../adapters/cli.ts");
process.exitCode = await main(process.argv.slice(2));
