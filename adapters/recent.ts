// A bounded memory of recent keys (event ids already answered, threads the bot is in, Teams
// conversations already welcomed): old keys are forgotten first, so memory stays flat.
export interface Recent {
  has(key: string): boolean;
  /** Adds the key; returns false when it was already there. */
  add(key: string): boolean;
}

export function createRecent(max = 10_000): Recent {
  const keys = new Set<string>();
  return {
    has: (key) => keys.has(key),
    add(key) {
      if (keys.has(key)) return false;
      keys.add(key);
      if (keys.size > max) keys.delete(keys.values().next().value!);
      return true;
    },
  };
}
