// Shared by the platform benchmarks: run a bounded number of requests at a fixed concurrency on
// loopback and report latency percentiles and throughput.
import { percentile } from "./core.js";

export async function measure(print: (line: string) => void, name: string, total: number, concurrency: number, send: (i: number) => Promise<void>): Promise<void> {
  const samples: number[] = [];
  let next = 0;
  const started = performance.now();
  const worker = async () => {
    while (next < total) {
      const i = next++;
      const t = performance.now();
      await send(i);
      samples.push(performance.now() - t);
    }
  };
  await Promise.all(Array.from({ length: concurrency }, worker));
  const seconds = (performance.now() - started) / 1000;
  samples.sort((a, b) => a - b);
  print(`${name.padEnd(34)} p50 ${percentile(samples, 50).toFixed(2)} ms  p99 ${percentile(samples, 99).toFixed(2)} ms  ${Math.round(total / seconds)}/s (${total} requests, ${concurrency} at a time)`);
}

/** One round: its events per second, and the CPU time the whole process spent per event meanwhile. */
export interface Round {
  perSecond: number;
  cpuMs: number;
}

/** Measures one round of `events` events. */
export async function round(events: number, run: () => Promise<void>): Promise<Round> {
  const cpu = process.cpuUsage();
  const started = performance.now();
  await run();
  const used = process.cpuUsage(cpu);
  return { perSecond: events / ((performance.now() - started) / 1000), cpuMs: (used.user + used.system) / 1000 / events };
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

/**
 * Two apps measured in alternating rounds in one process (ours, the baseline, ours, ...), each
 * round's rate reported and the median of each compared: whichever ran second would otherwise
 * profit from code the first one warmed up. Where rounds also tell their CPU time per event, that
 * is compared too (baseline / ours, so that 1 is as cheap as the baseline, like the rates): on a
 * machine shared with other work, a round's rate swings with what else runs, its CPU time much
 * less.
 */
export async function compareRates(print: (line: string) => void, label: string, ours: () => Promise<number | Round>, baseline: () => Promise<number | Round>, rounds = 5, note = "target ≥ 0.8"): Promise<number> {
  const results: [Round[], Round[]] = [[], []];
  const asRound = (x: number | Round): Round => (typeof x === "number" ? { perSecond: x, cpuMs: NaN } : x);
  // One round each first, not counted: the code of both is compiled to its fastest only after
  // a few hundred events, and the apps share their libraries' code, which either would warm for
  // the other.
  await ours();
  await baseline();
  for (let r = 0; r < rounds; r++) {
    results[0].push(asRound(await ours()));
    results[1].push(asRound(await baseline()));
  }
  const [rates, baseRates] = results.map((rs) => rs.map((x) => x.perSecond)) as [number[], number[]];
  const ratio = median(rates) / median(baseRates);
  print(`${label}: ours ${rates.map(Math.round).join(", ")}/s · baseline ${baseRates.map(Math.round).join(", ")}/s · ratio of medians ${ratio.toFixed(2)} (${note})`);
  const [cpu, baseCpu] = results.map((rs) => rs.map((x) => x.cpuMs)) as [number[], number[]];
  if (!cpu.some(Number.isNaN)) {
    const ms = (xs: number[]) => xs.map((x) => x.toFixed(1)).join(", ");
    print(`  CPU per event, whole process (load generator and stand-ins included): ours ${ms(cpu)} ms · baseline ${ms(baseCpu)} ms · baseline / ours of medians ${(median(baseCpu) / median(cpu)).toFixed(2)}`);
  }
  return ratio;
}
