/** Compares dotted numeric versions (`0.10.2.1`, `1.0`); missing segments count as 0, qualifiers are ignored. */
export function compareVersions(a: string, b: string): number {
  const pa = a.split(/[.\-_]/).map((s) => Number.parseInt(s, 10));
  const pb = b.split(/[.\-_]/).map((s) => Number.parseInt(s, 10));
  for (let i = 0; i < Math.max(pa.length, pb.length); i++) {
    const x = Number.isNaN(pa[i] ?? 0) ? 0 : (pa[i] ?? 0);
    const y = Number.isNaN(pb[i] ?? 0) ? 0 : (pb[i] ?? 0);
    if (x !== y) return x < y ? -1 : 1;
  }
  return 0;
}

export function isVersion(text: string): boolean {
  return /^\d+(\.\d+)*$/.test(text.trim());
}
