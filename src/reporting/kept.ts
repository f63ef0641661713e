// Work kept by what it was made from: a bounded memo (least recently used out first, by size) that also lets
// callers asking for the same thing at once share one making of it. For pure, costly results — a chart's SVG from
// its input, a published (frozen) report's file — where the key names everything the result depends on.

export class Kept<V> {
  private readonly done = new Map<string, { value: V; size: number }>();
  private readonly making = new Map<string, Promise<V>>();
  private held = 0;

  /** `limit`: the most the kept values may add up to, in the units `sizeOf` counts (bytes, characters). */
  constructor(
    private readonly limit: number,
    private readonly sizeOf: (value: V) => number,
  ) {}

  /** The value kept for `key`, else the one being made for it, else `make()`'s — kept if it fits. */
  async get(key: string, make: () => Promise<V>): Promise<V> {
    const kept = this.recall(key);
    if (kept !== undefined) return kept;
    const pending = this.making.get(key);
    if (pending) return pending;
    const made = make();
    this.making.set(key, made);
    try {
      const value = await made;
      this.keep(key, value);
      return value;
    } finally {
      this.making.delete(key);
    }
  }

  /** The synchronous form, for work that is not awaited (drawing a chart). */
  getSync(key: string, make: () => V): V {
    const kept = this.recall(key);
    if (kept !== undefined) return kept;
    const value = make();
    this.keep(key, value);
    return value;
  }

  /** Sum of the kept values' sizes. */
  get size(): number {
    return this.held;
  }

  private recall(key: string): V | undefined {
    const entry = this.done.get(key);
    if (!entry) return undefined;
    // Re-inserted, so the Map's order is least recently used first.
    this.done.delete(key);
    this.done.set(key, entry);
    return entry.value;
  }

  private keep(key: string, value: V): void {
    const size = this.sizeOf(value);
    if (size > this.limit) return;
    const old = this.done.get(key);
    if (old) this.held -= old.size;
    this.done.set(key, { value, size });
    this.held += size;
    for (const [oldest, entry] of this.done) {
      if (this.held <= this.limit) break;
      this.done.delete(oldest);
      this.held -= entry.size;
    }
  }
}
