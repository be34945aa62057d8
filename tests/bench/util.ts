/** Small helpers shared by the benchmark scripts: statistics, formatting, a seeded PRNG. */

export function median(values: readonly number[]): number {
  const sorted = values.filter((v) => Number.isFinite(v)).sort((a, b) => a - b);
  if (sorted.length === 0) return Number.NaN;
  const mid = sorted.length >> 1;
  return sorted.length % 2
    ? (sorted[mid] as number)
    : ((sorted[mid - 1] as number) + (sorted[mid] as number)) / 2;
}

/** Milliseconds with a precision that suits their size. */
export function ms(value: number | undefined): string {
  if (value === undefined || Number.isNaN(value)) return 'n/a';
  if (!Number.isFinite(value)) return '∞';
  if (value >= 100) return value.toFixed(0);
  if (value >= 10) return value.toFixed(1);
  return value.toFixed(2);
}

/** A ratio such as "3.4×"; `prefix` marks bounds (">" when the numerator was capped). */
export function ratio(value: number | undefined, prefix = ''): string {
  if (value === undefined || !Number.isFinite(value)) return 'n/a';
  if (value >= 100) return `${prefix}${value.toFixed(0)}×`;
  if (value >= 10) return `${prefix}${value.toFixed(1)}×`;
  return `${prefix}${value.toFixed(2)}×`;
}

export function int(value: number | undefined): string {
  if (value === undefined || Number.isNaN(value)) return 'n/a';
  return Math.round(value).toLocaleString('en-US');
}

/** A markdown table; numeric-looking columns are right-aligned. */
export function table(header: readonly string[], rows: readonly (readonly string[])[]): string {
  const numeric = header.map(
    (_, i) =>
      rows.length > 0 && rows.every((row) => /^[-<>≤≥~]?[\d.,]+|^n\/a$|^[∞-]$/.test((row[i] ?? '').trim())),
  );
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((row) => (row[i] ?? '').length), 3));
  const line = (cells: readonly string[]) =>
    `| ${cells.map((cell, i) => (numeric[i] ? cell.padStart(widths[i] as number) : cell.padEnd(widths[i] as number))).join(' | ')} |`;
  const rule = `|${widths.map((w, i) => (numeric[i] ? `${'-'.repeat(w + 1)}:` : '-'.repeat(w + 2))).join('|')}|`;
  return [line(header), rule, ...rows.map(line)].join('\n');
}

/** mulberry32: a small, fast, seeded PRNG, so generated pages and terms are the same on every run. */
export function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export function pick<T>(random: () => number, items: readonly T[]): T {
  return items[Math.floor(random() * items.length)] as T;
}

export function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\/-]/g, '\\$&');
}
