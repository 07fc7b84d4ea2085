// Node.js Kafka code: only files that import a Kafka package, the project modules they import, and the modules
// that import them are parsed (issue 4 §9); no type checker.
import path from 'node:path';
import type { ts } from 'ts-morph';
import type { Notification } from '../types.js';
import { LineIndex } from '../../location.js';
import { NODE_PACKAGE_PATTERN, NODE_PACKAGES } from '../../kafka/node.js';
import { resolveSpecifier, ScriptAnalysis, type Mod, type ScriptFacts } from './analyze.js';

export interface ScriptSource {
  path: string;
  text: string;
}

const RELATIVE_IMPORT = /(?:from\s*|require\s*\(\s*|import\s*\(\s*|import\s+)['"](\.{1,2}(?:\/[^'"]*)?)['"]/g;

let tsModule: typeof ts | undefined;

/** ts-morph bundles its own TypeScript (6.x, the last JavaScript compiler); loaded only when there is Node Kafka code. */
async function loadTs(): Promise<typeof ts> {
  tsModule ??= (await import('ts-morph')).ts;
  return tsModule;
}

function scriptKind(t: typeof ts, file: string): ts.ScriptKind {
  const ext = path.posix.extname(file).toLowerCase();
  if (ext === '.tsx') return t.ScriptKind.TSX;
  if (ext === '.ts' || ext === '.mts' || ext === '.cts') return t.ScriptKind.TS;
  // Plain .js may hold JSX (React apps); the JSX grammar is a superset for what we read.
  return t.ScriptKind.JSX;
}

function relativeImports(text: string): string[] {
  return [...text.matchAll(RELATIVE_IMPORT)].map((m) => m[1]!);
}

export interface ScriptResult extends ScriptFacts {
  notifications: Notification[];
}

/**
 * The folder a relative specifier points at when it names a package root (`..`, `../index`, `../../`), for
 * a Kafka library's own repository, whose examples import it by path.
 */
function packageRoot(from: string, spec: string, roots: ReadonlyMap<string, string>): string | undefined {
  if (roots.size === 0) return undefined;
  return roots.get(moduleKey(path.posix.join(path.posix.dirname(from), spec)));
}

/** What a module path names, the way Node resolves it: `a/`, `a/index`, `a/index.js` and `a` are one key. */
function moduleKey(p: string): string {
  let key = path.posix.normalize(p).replace(/\/$/, '').replace(/\.[mc]?[jt]s$/, '');
  if (/^(.*\/)?index$/.test(key)) key = path.posix.dirname(key);
  return key === '' ? '.' : key;
}

/**
 * A package.json that is a Kafka package itself (a library's own repository): its folder and its `main` file,
 * as the keys `packageRoots` of extractScripts takes.
 */
export function kafkaPackageEntries(file: string, text: string): Array<[string, string]> {
  const name = /"name"\s*:\s*"([^"]+)"/.exec(text)?.[1];
  if (!name || !Object.prototype.hasOwnProperty.call(NODE_PACKAGES, name)) return [];
  const dir = path.posix.dirname(file);
  const main = /"main"\s*:\s*"([^"]+)"/.exec(text)?.[1];
  return [[dir, name], ...(main ? [[moduleKey(path.posix.join(dir, main)), name] as [string, string]] : [])];
}

/**
 * `packageRoots`: the folder of each scanned package.json that is a Kafka package itself, and its `main` file
 * without extension (`node-rdkafka/librdkafka`) → the package name.
 */
export async function extractScripts(sources: readonly ScriptSource[], packageRoots: ReadonlyMap<string, string> = new Map()): Promise<ScriptResult> {
  const byPath = new Map(sources.map((s) => [s.path, s]));
  const importsOwnPackage = (s: ScriptSource) => packageRoots.size > 0 && relativeImports(s.text).some((spec) => packageRoot(s.path, spec, packageRoots) !== undefined);
  const kafka = new Set(sources.filter((s) => NODE_PACKAGE_PATTERN.test(s.text) || importsOwnPackage(s)).map((s) => s.path));
  if (kafka.size === 0) return { configs: [], apiCalls: [], notifications: [] };

  // Modules that import a Kafka module use its clients (`import { producer } from './kafka'`): two levels up.
  const visit = new Set(kafka);
  for (let round = 0; round < 2; round++) {
    let grew = false;
    for (const s of sources) {
      if (visit.has(s.path)) continue;
      const imports = relativeImports(s.text);
      if (imports.some((spec) => { const r = resolveSpecifier(s.path, spec, (p) => byPath.has(p)); return r !== undefined && visit.has(r); })) {
        visit.add(s.path);
        grew = true;
      }
    }
    if (!grew) break;
  }

  const t = await loadTs();
  const notifications: Notification[] = [];
  const mods = new Map<string, Mod | null>();
  const parse = (file: string): Mod | undefined => {
    const cached = mods.get(file);
    if (cached !== undefined) return cached ?? undefined;
    mods.set(file, null);
    const source = byPath.get(file);
    if (!source) return undefined;
    const sf = t.createSourceFile(file, source.text, t.ScriptTarget.Latest, true, scriptKind(t, file));
    const diagnostics = (sf as unknown as { parseDiagnostics?: ts.DiagnosticWithLocation[] }).parseDiagnostics ?? [];
    const index = new LineIndex(file, source.text);
    if (diagnostics.length > 0) {
      // A recovered tree guesses at structure; its values are not reliable enough for findings.
      const d = diagnostics[0]!;
      const at = index.position(d.start ?? 0);
      notifications.push({ level: 'error', kind: 'unparsable', file, line: at.line, column: at.column, message: `JavaScript/TypeScript syntax error: ${t.flattenDiagnosticMessageText(d.messageText, ' ')}` });
      return undefined;
    }
    const mod: Mod = { path: file, sf, index, ...assignments(t, sf) };
    mods.set(file, mod);
    return mod;
  };
  const analysis = new ScriptAnalysis(
    t,
    (from, spec) => {
      const target = resolveSpecifier(from, spec, (p) => byPath.has(p));
      return target ? parse(target) : undefined;
    },
    (from, spec) => packageRoot(from, spec, packageRoots),
  );
  for (const file of [...visit].sort()) {
    const mod = parse(file);
    if (mod) analysis.visit(mod);
  }
  const facts = analysis.result();
  return { ...facts, notifications };
}

/** Names reassigned after declaration and objects changed through properties, per module (cheap, syntactic). */
function assignments(t: typeof ts, sf: ts.SourceFile): Pick<Mod, 'reassigned' | 'mutations' | 'assignments'> {
  const reassigned = new Set<string>();
  const plain = new Map<string, ts.BinaryExpression[]>();
  const mutations = new Map<string, ts.Node[]>();
  const mutate = (name: string, node: ts.Node) => {
    const list = mutations.get(name) ?? [];
    list.push(node);
    mutations.set(name, list);
  };
  const walk = (n: ts.Node): void => {
    if (t.isBinaryExpression(n) && n.operatorToken.kind >= t.SyntaxKind.FirstAssignment && n.operatorToken.kind <= t.SyntaxKind.LastAssignment) {
      const left = n.left;
      if (t.isIdentifier(left)) {
        reassigned.add(left.text);
        if (n.operatorToken.kind === t.SyntaxKind.EqualsToken) plain.set(left.text, [...(plain.get(left.text) ?? []), n]);
      }
      else if ((t.isPropertyAccessExpression(left) || t.isElementAccessExpression(left)) && t.isIdentifier(left.expression)) mutate(left.expression.text, n);
    } else if ((t.isPrefixUnaryExpression(n) || t.isPostfixUnaryExpression(n)) && t.isIdentifier(n.operand)) {
      if (n.operator === t.SyntaxKind.PlusPlusToken || n.operator === t.SyntaxKind.MinusMinusToken) reassigned.add(n.operand.text);
    } else if (t.isCallExpression(n) && t.isPropertyAccessExpression(n.expression) && n.expression.getText(sf) === 'Object.assign' && n.arguments[0] && t.isIdentifier(n.arguments[0])) {
      // Changed in ways the evaluator does not follow: the object is open from then on.
      mutate(n.arguments[0].text, n);
    } else if (t.isDeleteExpression(n) && (t.isPropertyAccessExpression(n.expression) || t.isElementAccessExpression(n.expression)) && t.isIdentifier(n.expression.expression)) {
      mutate(n.expression.expression.text, n);
    }
    t.forEachChild(n, walk);
  };
  walk(sf);
  return { reassigned, mutations, assignments: plain };
}
