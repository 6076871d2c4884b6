// One JSON line per event on stderr, so logs stay greppable and stdout stays free for answers.
export interface Logger {
  info(event: string, context?: Record<string, unknown>): void;
  warn(event: string, context?: Record<string, unknown>): void;
  error(event: string, context?: Record<string, unknown>): void;
}

export function createLogger(write: (line: string) => void = (l) => process.stderr.write(l + "\n")): Logger {
  const emit = (level: string) => (event: string, context: Record<string, unknown> = {}) => {
    const fields = Object.fromEntries(
      Object.entries(context).map(([k, v]) => [k, v instanceof Error ? { message: v.message, name: v.name } : v]),
    );
    // The fixed fields come last so a context key can never overwrite them.
    write(JSON.stringify({ ...fields, time: new Date().toISOString(), level, event }));
  };
  return { info: emit("info"), warn: emit("warn"), error: emit("error") };
}

/** A logger that keeps lines in memory: for tests that assert what was logged. */
export function createMemoryLogger(): Logger & { lines: Array<Record<string, unknown>> } {
  const lines: Array<Record<string, unknown>> = [];
  return { ...createLogger((l) => lines.push(JSON.parse(l) as Record<string, unknown>)), lines };
}
