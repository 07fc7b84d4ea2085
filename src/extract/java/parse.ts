// Parsing one Java file: java-parser's concrete tree turned into the small tree of ./ast.ts.
import { fromCst, type JavaFile } from './ast.js';

export type ParseResult = { file: JavaFile } | { error: { message: string; line?: number; column?: number } };

type Parse = (text: string) => unknown;
let parser: Promise<Parse> | undefined;

/** java-parser costs ~0.8 s to load: only scans with Java files to parse pay for it. */
export function loadParser(): Promise<Parse> {
  parser ??= import('java-parser').then((m) => m.parse as unknown as Parse);
  return parser;
}

/** `Sad sad panda, parsing errors detected in line: 17, column: 1!\nRedundant input, …` -> position and reason. */
function syntaxError(e: unknown): ParseResult {
  const text = e instanceof Error ? e.message : String(e);
  const at = /line: (\d+), column: (\d+)/.exec(text);
  // Line 2 on is the reason; chevrotain ends it with its rule stack (`\n\t->compilationUnit ->…`).
  const body = text.split(/\n\s*->/)[0]!;
  const reason = (body.split('\n').slice(1).join(' ') || body.split('\n')[0]!)
    .replace(/-->\s*|\s*<--/g, '')
    .replace(/^Expecting\b/, 'expected')
    .replace(/\s+/g, ' ')
    .replace(/!$/, '')
    .trim();
  return { error: { message: `Java syntax error: ${reason.slice(0, 300)}`, ...(at ? { line: Number(at[1]), column: Number(at[2]) } : {}) } };
}

export function parseWith(parse: Parse, text: string): ParseResult {
  let cst: unknown;
  try {
    cst = parse(text);
  } catch (e) {
    return syntaxError(e);
  }
  return { file: fromCst(cst) };
}
