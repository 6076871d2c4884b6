#!/usr/bin/env node
// The jarjestobotti command. It runs the compiled build in dist/, made afresh first whenever a
// source file changed since the last one (build.mjs says why and how), so what runs is what is in
// src/ and adapters/. `npm run dev -- <command>` runs the TypeScript sources through tsx instead.
import { freshEntry } from "./build.mjs";

// Stack traces in logs name the TypeScript files and lines, not the bundle's.
process.setSourceMapsEnabled(true);
const { main } = await import(await freshEntry());
process.exitCode = await main(process.argv.slice(2));
