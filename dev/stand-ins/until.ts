// Polls until a check passes: the stand-ins record what the bot sent after the HTTP response,
// so tests and the benchmark wait for the recording rather than sleep a guessed time. A check may
// be async (a query, an HTTP request): its answer is awaited.
export async function until<T>(check: () => T | undefined | false | Promise<T | undefined | false>, ms = 8000): Promise<T> {
  const end = Date.now() + ms;
  for (;;) {
    const v = await check();
    if (v) return v;
    if (Date.now() > end) throw new Error("timed out waiting");
    await new Promise((r) => setTimeout(r, 15));
  }
}
