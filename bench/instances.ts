// Several instances (issue 17), measured in one run: answers per second from two server processes
// sharing one PostgreSQL against one process, and what the shared store adds to a question against
// the embedded SQLite default. Both are Teams activities over HTTP (the 200 comes after the turn,
// reply included), questions and follow-ups in 20 conversations, rounds alternating between the
// two set-ups and medians of rounds compared. On 2 cores the load generator shares the machine
// with both instances, so the two-instance ratio is for reading, not a floor.
import { mkdtempSync, rmSync } from "node:fs";
import { loadavg, tmpdir } from "node:os";
import { join } from "node:path";
import { silentLogger } from "../adapters/log.js";
import { startRuntime, type Runtime } from "../adapters/runtime.js";
import { startPostgres } from "../dev/stand-ins/postgres.js";
import { startConnectorStandIn } from "../dev/stand-ins/teams-connector.js";
import { openDatabase } from "../src/state/database.js";
import { startServerProcess, type ServerProcess } from "../test/helpers/server-process.js";
import { percentile } from "./core.js";
import { compareRates } from "./http-stats.js";

const QUESTIONS = ["Montako sote-järjestöä Lapissa on?", "entä Kainuun?", "Paljonko Pirkanmaan järjestöavustukset ovat?", "entä asukasta kohden?", "Mikä on STEA?"];
const ROUNDS = 5;
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

export async function benchInstances(print: (line: string) => void, knowledgeDir: string): Promise<void> {
  const postgres = await startPostgres();
  const connector = await startConnectorStandIn();
  const dirs: string[] = [];
  const dataDir = () => (dirs.push(mkdtempSync(join(tmpdir(), "bench-instance-"))), dirs.at(-1)!);
  let n = 0;
  /** A question in one of 20 conversations in turn; or (`cold`) in a new one, as after a pause. */
  const send = async (url: string, i: number, cold = false) => {
    const conversation = cold ? `a:cold-${n}` : `a:bench-${i % 20}`;
    const activity = { type: "message", id: `i${++n}`, channelId: "msteams", serviceUrl: connector.url, from: { id: "29:u", aadObjectId: "aad-u" }, recipient: { id: "28:bot" }, conversation: { id: conversation, conversationType: "personal" }, text: QUESTIONS[i % QUESTIONS.length], locale: "fi-FI" };
    const res = await fetch(`${url}/api/messages`, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify(activity) });
    await res.arrayBuffer();
  };
  const env = (extra: Record<string, string>) => ({ TEAMS_NO_AUTH: "1", KNOWLEDGE_DIR: knowledgeDir, OUTBOUND_TIMEOUT_MS: "2000", PORT: "0", HOST: "127.0.0.1", DATA_DIR: dataDir(), ...extra });
  const runtimes: Runtime[] = [];
  const servers: ServerProcess[] = [];
  try {
    // The shared store's cost: the same questions through the whole runtime, one at a time.
    const sqlite = await startRuntime(env({}), silentLogger(), knowledgeDir);
    const shared = await startRuntime(env({ DATABASE_URL: postgres.url }), silentLogger(), knowledgeDir);
    runtimes.push(sqlite, shared);
    type Times = { queries: number; queryMs: number; background: { queryMs: number } };
    const storeTime = async (runtime: Runtime) => ((await (await fetch(`${runtime.server!.url}/health`)).json()) as { database: Times }).database;
    /**
     * Each question's round trip, and the time the runtime spent on its database during it: what
     * the reply waited for, and the writes it did not wait for (its context, the question log's
     * batch, which lands in one question's window in twenty or so).
     */
    const sample = async (runtime: Runtime, count: number, cold = false) => {
      const trip: number[] = [];
      const store: number[] = [];
      const calls: number[] = [];
      const background: number[] = [];
      for (let i = 0; i < count; i++) {
        const before = await storeTime(runtime);
        const t = performance.now();
        await send(runtime.server!.url, i, cold);
        trip.push(performance.now() - t);
        const after = await storeTime(runtime);
        store.push(after.queryMs - before.queryMs);
        calls.push(after.queries - before.queries);
        background.push(after.background.queryMs - before.background.queryMs);
      }
      const p = (xs: number[]) => (xs.sort((x, y) => x - y), { p50: percentile(xs, 50), p99: percentile(xs, 99) });
      return { trip: p(trip), store: p(store), background: p(background), calls: { p50: percentile(calls.sort((x, y) => x - y), 50), max: calls.at(-1)! } };
    };
    for (const r of runtimes) await sample(r, 40);
    type Round = Awaited<ReturnType<typeof sample>>;
    const rounds: Record<"sqlite" | "postgres" | "sqliteCold" | "postgresCold", Round[]> = { sqlite: [], postgres: [], sqliteCold: [], postgresCold: [] };
    for (let r = 0; r < ROUNDS; r++) {
      rounds.sqlite.push(await sample(sqlite, 200));
      rounds.postgres.push(await sample(shared, 200));
      rounds.sqliteCold.push(await sample(sqlite, 100, true));
      rounds.postgresCold.push(await sample(shared, 100, true));
    }
    const of = (name: keyof typeof rounds, what: "trip" | "store" | "background") => ({ p50: median(rounds[name].map((x) => x[what].p50)), p99: median(rounds[name].map((x) => x[what].p99)) });
    const line = (label: string, x: { p50: number; p99: number }) => `${label.padEnd(52)} p50 ${x.p50.toFixed(2)} ms  p99 ${x.p99.toFixed(2)} ms`;
    const added = (what: "trip" | "store" | "background", cold = false) => {
      const [pg, lite] = [of(cold ? "postgresCold" : "postgres", what), of(cold ? "sqliteCold" : "sqlite", what)];
      return `p50 ${(pg.p50 - lite.p50).toFixed(2)} ms, p99 ${(pg.p99 - lite.p99).toFixed(2)} ms`;
    };
    print(line("database time the reply waited for, SQLite", of("sqlite", "store")) + ` (median of ${ROUNDS} rounds of 200)`);
    print(line("database time the reply waited for, PostgreSQL", of("postgres", "store")));
    print(`the shared store adds per question: ${added("store")} (target: p99 under 2 ms)`);
    // A new conversation: nothing of it is known yet to any instance (its context, its place's home
    // region, whether it is a coordinators' case), all read with the claim (src/state/read-ahead.ts).
    print(line("the same in a new conversation, SQLite", of("sqliteCold", "store")) + ` (${ROUNDS} rounds of 100)`);
    print(line("the same in a new conversation, PostgreSQL", of("postgresCold", "store")) + ` (adds ${added("store", true)})`);
    // Counted, not timed: how many database calls (each one round trip with PostgreSQL) a reply waited for.
    const calls = (name: keyof typeof rounds) => `p50 ${median(rounds[name].map((x) => x.calls.p50))}, max ${Math.max(...rounds[name].map((x) => x.calls.max))}`;
    print(`database calls a reply waited for, PostgreSQL: follow-ups ${calls("postgres")}; new conversations ${calls("postgresCold")}`);
    print(line("calls not waited for, SQLite", of("sqlite", "background")));
    print(line("calls not waited for, PostgreSQL", of("postgres", "background")) + " (the context, the question log, /health's own check)");
    print(line("whole round trip, SQLite", of("sqlite", "trip")));
    print(line("whole round trip, PostgreSQL", of("postgres", "trip")) + ` (adds ${added("trip")}; the database server on the same 2 cores)`);
    // The floor under it: one query's round trip to the server process, on this machine now.
    const probe = await openDatabase({ dataDir: dataDir(), url: postgres.url });
    const trips: number[] = [];
    for (let i = 0; i < 500; i++) {
      const t = performance.now();
      await probe.get("SELECT 1 AS one");
      trips.push(performance.now() - t);
    }
    await probe.close();
    trips.sort((x, y) => x - y);
    print(`machine load (1-minute average) ${loadavg()[0]!.toFixed(1)}; one PostgreSQL query's round trip p50 ${percentile(trips, 50).toFixed(2)} ms  p99 ${percentile(trips, 99).toFixed(2)} ms`);

    // Two instances against one: separate processes, so each has its own core to use.
    const url = postgres.url;
    servers.push(...(await Promise.all([0, 1].map(() => startServerProcess({ ...env({ DATABASE_URL: url }) } as Record<string, string>)))));
    const rate = async (targets: ServerProcess[]) => {
      const total = 400;
      let next = 0;
      const started = performance.now();
      await Promise.all(
        Array.from({ length: 16 }, async () => {
          while (next < total) {
            const i = next++;
            await send(targets[i % targets.length]!.url, i);
          }
        }),
      );
      return total / ((performance.now() - started) / 1000);
    };
    await rate(servers);
    await compareRates(print, "answers per second, two instances / one", () => rate(servers), () => rate(servers.slice(0, 1)), ROUNDS, "for reading: the load generator shares the 2 cores");
  } finally {
    for (const s of servers) await s.kill();
    for (const r of runtimes) await r.stop();
    await connector.close();
    await postgres.stop();
    for (const d of dirs) rmSync(d, { recursive: true, force: true });
  }
}
