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
