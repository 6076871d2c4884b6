// The build: the command (adapters/cli.ts and everything it imports) compiled by esbuild into ES
// modules in dist/, one file for what every command loads and one chunk per part loaded on demand
// (Slack, Teams, the benchmark), so `ask` never loads a chat SDK. Packages stay in node_modules.
//
// Why compiled rather than run through tsx: tsx compiles through its loader in every new process
// and wraps every function and closure in a naming helper (esbuild's keepNames); compiled, a new
// process answers its first question about a quarter sooner (README, "Compiled, automatically").
// Why automatic: the launcher (jarjestobotti.mjs) checks on every run whether a source file
// changed since the last build (one stat per file, a few milliseconds) and rebuilds first if so
// (about half a second), so what runs is always what is in src/ and adapters/ and there is no
// build step to forget.
//
// The few pure-JavaScript packages every command loads (BUNDLED) go into the build too: Node then
// reads one file where it resolved and read hundreds (yaml alone is 72 modules, zod over a
// hundred), which was about a third of what `jarjestobotti --help` took. The chat SDKs, native
// modules and what reads files beside itself (pino's worker) stay in node_modules.
//
// Run directly (`npm run build`) it builds unconditionally, as an image build does.
import { mkdirSync, readdirSync, readFileSync, renameSync, statSync, unlinkSync, writeFileSync } from "node:fs";
import { dirname, join, relative, resolve } from "node:path";
import { pathToFileURL } from "node:url";

const ROOT = resolve(import.meta.dirname, "..");
/** Outputs of earlier builds are removed once this old: a process still running one may yet load its chunks. */
const STALE_MS = 60 * 60_000;

const stamp = (file) => {
  const s = statSync(file);
  return `${s.mtimeMs}:${s.size}`;
};

/** Whether the build in `root`/dist was made from the files as they are now (each input's time and size). */
export function isFresh(root = ROOT) {
  try {
    const manifest = JSON.parse(readFileSync(join(root, "dist", "build.json"), "utf8"));
    return Object.entries(manifest.inputs).every(([file, was]) => stamp(join(root, file)) === was);
  } catch {
    return false; // no build yet, or an input is gone
  }
}

/** Packages compiled into the build; every other package is imported from node_modules at run time. */
const BUNDLED = ["commander", "yaml", "zod", "fuse.js", "@nlpjs/core", "@nlpjs/lang-fi", "@nlpjs/lang-sv", "@nlpjs/lang-en-min", "csv-parse", "csv-stringify"];

/** The package a bare import names ("@nlpjs/lang-fi/src/x" -> "@nlpjs/lang-fi"), or undefined for a path or node: built-in. */
const packageOf = (specifier) => {
  if (/^(\.|\/|node:)/.test(specifier)) return undefined;
  const parts = specifier.split("/");
  return parts.slice(0, specifier.startsWith("@") ? 2 : 1).join("/");
};

const onlyBundled = {
  name: "only-bundled-packages",
  setup(build) {
    build.onResolve({ filter: /^[^./]/ }, (args) => {
      const pkg = packageOf(args.path);
      return pkg && !BUNDLED.includes(pkg) ? { path: args.path, external: true } : undefined;
    });
  },
};

/**
 * A bundled package's files are stamped by its package.json (an `npm install` of another version
 * changes it), not one by one: the check before every run stays a stat per source file.
 */
const stampedInput = (file) => {
  const at = file.split("/").lastIndexOf("node_modules");
  if (at < 0) return file;
  const parts = file.split("/");
  const name = parts.slice(at + 1, at + (parts[at + 1].startsWith("@") ? 3 : 2));
  return [...parts.slice(0, at + 1), ...name, "package.json"].join("/");
};

/**
 * In a bundle every module would see the bundle's own import.meta.url; the sources read files
 * beside themselves (the answer model, the Slack manifest, package.json), so each module's
 * import.meta.url, .filename and .dirname are given back the source file's own location,
 * relative to the output directory so that the checkout can move. The helpers go on the file's
 * last line, so its other lines keep their numbers for the source map.
 */
const ownImportMeta = (root) => ({
  name: "own-import-meta",
  setup(build) {
    build.onLoad({ filter: /\.ts$/ }, (args) => {
      const text = readFileSync(args.path, "utf8");
      if (!text.includes("import.meta.")) return { contents: text, loader: "ts" };
      const fromOut = relative(join(root, "dist"), args.path).split("\\").join("/");
      const helpers = [
        `import { fileURLToPath as __own_path } from "node:url";`,
        `import { dirname as __own_dir } from "node:path";`,
        `function __own_url() { return new URL(${JSON.stringify(fromOut)}, import.meta.url).href; }`,
        `function __own_filename() { return __own_path(__own_url()); }`,
        `function __own_dirname() { return __own_dir(__own_filename()); }`,
      ].join(" ");
      return { contents: `${text.replace(/\bimport\.meta\.(url|filename|dirname)\b/g, "__own_$1()")}\n${helpers}\n`, loader: "ts" };
    });
  },
});

/** Builds `root`/dist, writing each file atomically; returns the entry's path. */
export async function build(root = ROOT) {
  const out = join(root, "dist");
  const started = Date.now();
  const esbuild = await import("esbuild");
  const result = await esbuild.build({
    absWorkingDir: root,
    entryPoints: { cli: "adapters/cli.ts" },
    bundle: true,
    splitting: true,
    format: "esm",
    platform: "node",
    target: "node20",
    outdir: "dist",
    chunkNames: "[name]-[hash]",
    sourcemap: "linked",
    // Stack traces need the mappings only; without the sources' text the maps Node reads when
    // loading each module are a third the size.
    sourcesContent: false,
    metafile: true,
    write: false,
    logLevel: "silent",
    plugins: [onlyBundled, ownImportMeta(root)],
    // Bundled CommonJS packages require Node's built-ins; in an ES module that needs a require.
    banner: { js: `import { createRequire as __bundle_require } from "node:module"; const require = __bundle_require(import.meta.url);` },
  });
  mkdirSync(out, { recursive: true });
  const written = new Set(["build.json"]);
  // Several processes may build at once (parallel tests): each file appears whole or not at all,
  // chunks before the entry that loads them, the manifest last.
  const files = result.outputFiles.sort((a, b) => Number(a.path.endsWith("cli.js")) - Number(b.path.endsWith("cli.js")));
  for (const f of files) {
    const name = relative(out, f.path);
    const tmp = join(out, `${name}.${process.pid}.tmp`);
    writeFileSync(tmp, f.contents);
    renameSync(tmp, join(out, name));
    written.add(name);
  }
  // A file saved while the build read it may be in the build as it was before: such a file gets
  // no stamp, so the next run builds again.
  const inputs = {};
  const ended = Date.now();
  for (const file of new Set([...Object.keys(result.metafile.inputs).map(stampedInput), relative(root, import.meta.filename)])) {
    const now = stamp(join(root, file));
    const savedAt = Number(now.split(":")[0]);
    inputs[file] = savedAt >= started && savedAt <= ended ? "saved during the build" : now;
  }
  const tmp = `${join(out, "build.json")}.${process.pid}.tmp`;
  writeFileSync(tmp, JSON.stringify({ inputs }));
  renameSync(tmp, join(out, "build.json"));
  for (const name of readdirSync(out)) {
    const file = join(out, name);
    try {
      if (!written.has(name) && Date.now() - statSync(file).mtimeMs > STALE_MS) unlinkSync(file);
    } catch {
      // another build removed it first
    }
  }
  return join(out, "cli.js");
}

/** The entry of a build made from the sources as they are now, building first when needed. */
export async function freshEntry(root = ROOT) {
  return pathToFileURL(isFresh(root) ? join(root, "dist", "cli.js") : await build(root)).href;
}

if (process.argv[1] && resolve(process.argv[1]) === import.meta.filename) {
  const started = performance.now();
  const entry = await build();
  process.stdout.write(`built ${relative(process.cwd(), dirname(entry))}/ in ${Math.round(performance.now() - started)} ms\n`);
}
