/**
 * A bounded map that forgets its least recently used entries, and entries older than `maxAgeMs`.
 * Recency is refreshed at most once per `touchMs` per entry, so a key hit by every request does
 * not reorder the map on every request.
 */
export class BoundedLru<K, V> {
  private readonly entries = new Map<K, { value: V; storedAt: number; touchedAt: number }>();

  constructor(
    readonly capacity: number,
    readonly maxAgeMs: number,
    private readonly touchMs = 1_000,
  ) {}

  get size(): number {
    return this.entries.size;
  }

  get(key: K, now: number): V | undefined {
    const entry = this.entries.get(key);
    if (!entry) return undefined;
    if (now - entry.storedAt >= this.maxAgeMs) {
      this.entries.delete(key);
      return undefined;
    }
    if (now - entry.touchedAt >= this.touchMs) {
      entry.touchedAt = now;
      this.entries.delete(key);
      this.entries.set(key, entry);
    }
    return entry.value;
  }

  set(key: K, value: V, now: number): void {
    this.entries.delete(key);
    this.entries.set(key, { value, storedAt: now, touchedAt: now });
    if (this.entries.size <= this.capacity) return;
    // Map iterates in insertion order: the first keys are the least recently used.
    for (const oldest of this.entries.keys()) {
      this.entries.delete(oldest);
      if (this.entries.size <= this.capacity) return;
    }
  }

  delete(key: K): void {
    this.entries.delete(key);
  }

  /** Drops every entry whose value matches; returns how many. */
  deleteWhere(predicate: (value: V) => boolean): number {
    let dropped = 0;
    for (const [key, entry] of this.entries) {
      if (predicate(entry.value)) {
        this.entries.delete(key);
        dropped++;
      }
    }
    return dropped;
  }

  clear(): void {
    this.entries.clear();
  }
}
