import { Document, isAlias, isMap, isPair, isScalar, isSeq, parseAllDocuments, type Node, type Pair, type YAMLMap } from 'yaml';
import type { LineIndex } from '../location.js';
import type { RawDocument, RawEntry } from './types.js';

export interface YamlError {
  message: string;
  line: number;
  column: number;
}

/**
 * Flattens every document of a YAML file into dotted keys with exact positions. YAML 1.1 is used because
 * Spring Boot reads YAML with SnakeYAML (1.1: `on`/`yes` are booleans). Anchors resolve to the anchored
 * node, so a merged `<<: *x` entry is located once, at the anchor's key.
 */
export function readYaml(index: LineIndex): { docs: RawDocument[]; error?: YamlError } {
  const parsed = parseAllDocuments(index.text, { version: '1.1', merge: true, uniqueKeys: false, prettyErrors: false });
  const list = Array.isArray(parsed) ? parsed : [parsed];
  for (const doc of list) {
    const err = doc.errors[0];
    if (err) {
      const pos = index.position(err.pos[0]);
      return { docs: [], error: { message: err.message.split('\n')[0] ?? err.code, line: pos.line, column: pos.column } };
    }
  }
  return {
    docs: list.map((doc, i) => {
      const entries: RawEntry[] = [];
      if (doc.contents) flatten(doc, doc.contents as Node, '', index, entries, new Set());
      return { index: i, entries };
    }),
  };
}

function keyText(pair: Pair): string | undefined {
  const k = pair.key;
  if (isScalar(k)) return k.value === null ? '' : String(k.value);
  return undefined;
}

function isMergePair(pair: Pair): boolean {
  const k = pair.key;
  return (isScalar(k) && k.value === '<<') || (typeof k === 'symbol') || (isScalar(k) && typeof k.value === 'symbol');
}

function resolve(doc: Document, node: unknown): unknown {
  return isAlias(node) ? node.resolve(doc) : node;
}

function scalarText(node: unknown, index: LineIndex): { value: string; raw: string } | undefined {
  if (node === null || node === undefined) return { value: '', raw: '' };
  if (!isScalar(node)) return undefined;
  const raw = node.range ? index.text.slice(node.range[0], node.range[1]) : String(node.value ?? '');
  const v = node.value;
  if (v === null || v === undefined) return { value: '', raw };
  // Numbers keep their written form (`1_000`, `0x10` and `1.0` stay as the user wrote them).
  if (typeof v === 'number' || typeof v === 'bigint') return { value: raw.trim(), raw };
  return { value: String(v), raw };
}

function flatten(doc: Document, node: Node, prefix: string, index: LineIndex, out: RawEntry[], active: Set<unknown>): void {
  const target = resolve(doc, node);
  if (!isMap(target) || active.has(target)) return;
  active.add(target);
  flattenMap(doc, target, prefix, index, out, active, new Set());
  active.delete(target);
}

function flattenMap(
  doc: Document,
  map: YAMLMap,
  prefix: string,
  index: LineIndex,
  out: RawEntry[],
  active: Set<unknown>,
  shadowed: Set<string>,
): void {
  const own = new Set<string>();
  for (const item of map.items) if (isPair(item) && !isMergePair(item)) own.add(keyText(item) ?? '');
  for (const item of map.items) {
    if (!isPair(item)) continue;
    if (isMergePair(item)) {
      const sources = resolve(doc, item.value);
      const maps = isSeq(sources) ? sources.items.map((s) => resolve(doc, s)) : [sources];
      for (const m of maps) {
        if (!isMap(m) || active.has(m)) continue;
        active.add(m);
        flattenMap(doc, m, prefix, index, out, active, new Set([...shadowed, ...own]));
        active.delete(m);
      }
      continue;
    }
    const key = keyText(item);
    if (key === undefined || shadowed.has(key)) continue;
    const full = prefix ? `${prefix}.${key}` : key;
    const keyNode = item.key as Node;
    const value = resolve(doc, item.value);
    const start = keyNode.range?.[0] ?? 0;
    if (isMap(value)) {
      if (active.has(value)) continue;
      active.add(value);
      flattenMap(doc, value, full, index, out, active, new Set());
      active.delete(value);
    } else if (isSeq(value)) {
      const items = value.items.map((i) => resolve(doc, i));
      if (items.every((i) => i === null || isScalar(i))) {
        const texts = items.map((i) => scalarText(i, index)?.value ?? '');
        const end = value.range?.[1] ?? keyNode.range?.[1] ?? start;
        out.push({ key: full, value: texts.join(','), raw: index.text.slice(value.range?.[0] ?? start, end), location: index.firstLineRange(start, end), span: [start, end] });
      } else {
        items.forEach((i, n) => {
          if (isMap(i)) flattenMap(doc, i, `${full}[${n}]`, index, out, active, new Set());
        });
      }
    } else {
      const text = scalarText(value, index);
      if (!text) continue;
      const valueNode = isScalar(item.value) ? item.value : undefined;
      const end = valueNode?.range?.[1] ?? keyNode.range?.[1] ?? start;
      out.push({ key: full, value: text.value, raw: text.raw, location: index.firstLineRange(start, end), span: [start, end] });
    }
  }
}
