// Which metric, period and area a file has given already, so a file giving one twice is refused at the row that
// repeats it. The partition's index does not check this (a unique index cost a third of a national load), so this
// is the only check: a bit per area for each metric and period, ~1 MB for a national file of 5,000,000 rows.

function numbered(names: Map<string, number>, name: string): number {
  let n = names.get(name);
  if (n === undefined) names.set(name, (n = names.size));
  return n;
}

export class KeysSeen {
  private readonly metrics = new Map<string, number>();
  private readonly periods = new Map<string, number>();
  private readonly areas = new Map<string, number>();
  /** seen[metric][period] is a bitset over areas, grown as areas are met. */
  private readonly seen: Uint8Array[][] = [];

  /** Notes the key; false if it was noted before. */
  add(metric: string, period: string, area: string): boolean {
    const m = numbered(this.metrics, metric);
    const p = numbered(this.periods, period);
    const a = numbered(this.areas, area);
    const byPeriod = (this.seen[m] ??= []);
    let bits = byPeriod[p];
    const byte = a >> 3;
    if (bits === undefined || byte >= bits.length) {
      const grown = new Uint8Array(Math.max(64, (byte + 1) * 2));
      if (bits) grown.set(bits);
      byPeriod[p] = bits = grown;
    }
    const bit = 1 << (a & 7);
    if ((bits[byte] ?? 0) & bit) return false;
    bits[byte] = (bits[byte] ?? 0) | bit;
    return true;
  }
}
