#!/usr/bin/env node
// The jarjestobotti command. It runs the compiled build in dist/, made afresh first whenever a
// source file changed since the last one (build.mjs says why and how), so what runs is what is in
// src/ and adapters/. `npm run dev -- <command>` runs the TypeScript sources through tsx instead.
import { freshEntry } from "./build.mjs";

// Stack traces in logs name the TypeScript files and lines, not the bundle's.
process.setSourceMapsEnabled(true);
const entry = await freshEntry().catch((err) => {
  // A source that does not compile: esbuild's message names the file, line and column.
  process.stderr.write(`${err.message}\n`);
  process.exit(1);
});
const { main } = await import(entry);
process.exitCode = await main(process.argv.slice(2));
