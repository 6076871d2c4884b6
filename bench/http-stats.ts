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

/**
 * Two apps measured in alternating rounds in one process (ours, the baseline, ours, ...), each
 * round's rate reported and the median of each compared: whichever ran second would otherwise
 * profit from code the first one warmed up.
 */
export async function compareRates(print: (line: string) => void, label: string, ours: () => Promise<number>, baseline: () => Promise<number>, rounds = 5, note = "target ≥ 0.8"): Promise<number> {
  const rates: [number[], number[]] = [[], []];
  for (let r = 0; r < rounds; r++) {
    rates[0].push(await ours());
    rates[1].push(await baseline());
  }
  const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
  const ratio = median(rates[0]) / median(rates[1]);
  print(`${label}: ours ${rates[0].map(Math.round).join(", ")}/s · baseline ${rates[1].map(Math.round).join(", ")}/s · ratio of medians ${ratio.toFixed(2)} (${note})`);
  return ratio;
}
