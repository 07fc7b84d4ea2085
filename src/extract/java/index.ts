// The Java extractor: prefilter, parse (worker threads), resolve constants across the project, analyze.
import path from 'node:path';
import type { ApiCall, ClientConfig } from '../../facts.js';
import { LineIndex } from '../../location.js';
import type { Notification } from '../types.js';
import { analyzeJava } from './analyze.js';
import { ParsePool } from './pool.js';
import { javaNeedsParsing } from './prefilter.js';
import { blankMethodBodies } from './slice.js';
import { JavaProject, type JavaUnit } from './project.js';

export interface JavaSource {
  path: string;
  text: string;
}

export interface JavaResult {
  configs: ClientConfig[];
  apiCalls: ApiCall[];
  notifications: Notification[];
  /** Files parsed: the prefiltered ones plus those holding constants they use. */
  parsed: number;
}

/** Rounds of "parse the classes whose constants the analysis asked for": constants referring to constants. */
const CONSTANT_ROUNDS = 3;

/** Files above this size are parsed with the bodies of methods that cannot matter blanked (./slice.ts). */
const SLICE_BYTES = 16 * 1024;

/** Velocity and other templates named `.java` (Maven archetypes: `package ${package};`) are not Java yet. */
function isTemplate(text: string): boolean {
  return /^\s*#(set|if|foreach|macro|parse|include)\b/m.test(text) || /^\s*(package|import)\s[^;\n]*\$\{/m.test(text);
}

/** `onParsed` is called as each file is parsed (progress display). */
export async function extractJava(sources: readonly JavaSource[], pool: ParsePool, onParsed?: () => void): Promise<JavaResult> {
  const notifications: Notification[] = [];
  const byName = new Map<string, JavaSource[]>();
  for (const s of sources) {
    const name = path.posix.basename(s.path, '.java');
    byName.set(name, [...(byName.get(name) ?? []), s]);
  }
  const parsed = new Map<string, JavaUnit | undefined>();

  const parseAll = async (batch: readonly JavaSource[]) => {
    // Largest first keeps the workers evenly loaded to the end.
    const todo = [...batch].filter((s) => !parsed.has(s.path)).sort((a, b) => b.text.length - a.text.length);
    for (const s of todo) parsed.set(s.path, undefined);
    const results = await Promise.all(
      todo.map((s) =>
        pool.parse(s.text.length > SLICE_BYTES ? blankMethodBodies(s.text, javaNeedsParsing) : s.text).then((r) => {
          onParsed?.();
          return r;
        }),
      ),
    );
    todo.forEach((s, i) => {
      const r = results[i]!;
      if ('file' in r) {
        parsed.set(s.path, { path: s.path, index: new LineIndex(s.path, s.text), file: r.file });
        return;
      }
      const template = isTemplate(s.text);
      notifications.push({
        level: template ? 'warning' : 'error',
        kind: template ? 'unsupported-format' : 'unparsable',
        file: s.path,
        ...(r.error.line ? { line: r.error.line } : {}),
        ...(r.error.column ? { column: r.error.column } : {}),
        message: template ? 'a template (Velocity or similar), not Java source; skipped' : r.error.message,
      });
    });
  };

  await parseAll(sources.filter((s) => javaNeedsParsing(s.text)));
  let result = { configs: [] as ClientConfig[], apiCalls: [] as ApiCall[] };
  for (let round = 0; ; round++) {
    const project = new JavaProject((name) => (byName.get(name) ?? []).some((s) => !parsed.has(s.path)));
    for (const unit of parsed.values()) if (unit) project.add(unit);
    result = analyzeJava(project);
    if (round >= CONSTANT_ROUNDS || project.wanted.size === 0) break;
    await parseAll([...project.wanted].flatMap((name) => byName.get(name) ?? []));
  }
  return { ...result, notifications, parsed: parsed.size };
}

export { ParsePool };
