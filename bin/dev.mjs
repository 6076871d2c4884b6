#!/usr/bin/env node
// `npm run dev -- <command>`: the jarjestobotti command straight from the TypeScript sources
// through tsx, with no build, for a debugger or a quick look; compiled, it runs faster.
import { register } from "tsx/esm/api";

register();
const { main } = await import("../adapters/cli.ts");
process.exitCode = await main(process.argv.slice(2));
