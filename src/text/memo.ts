// A bounded memory for a pure function of one key. Questions and the knowledge repeat their words,
// so each word is worked out once; past `limit` keys the memory starts afresh rather than grow.
export function remembered<K, V>(limit: number, make: (key: K) => V): (key: K) => V {
  const kept = new Map<K, V>();
  return (key) => {
    const known = kept.get(key);
    if (known !== undefined || kept.has(key)) return known as V;
    const value = make(key);
    if (kept.size >= limit) kept.clear();
    kept.set(key, value);
    return value;
  };
}
