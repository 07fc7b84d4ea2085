// Large Java files cost java-parser seconds, yet usually only a few of their methods touch Kafka. Before parsing
// a large file, the bodies of methods that cannot matter are blanked (spaces, newlines kept), so positions stay
// exact and the parse is proportional to what matters. A blanked body starts with a call to ELIDED, so the
// analysis knows the method does something it cannot see (a map handed to it may be changed there).
// Constructors, initializers and field initializers are always kept: they are where objects get their configuration.

export const ELIDED = 'ehcompat$elided';
const MARKER = `${ELIDED}();`;

/**
 * Blanks the bodies of methods for which `keep(body)` is false. Type declarations, fields, constructors,
 * initializer blocks and kept bodies are untouched; so is any file the scanner does not fully understand
 * (unbalanced braces: returned as is).
 */
export function blankMethodBodies(text: string, keep: (body: string) => boolean): string {
  const out = text.split('');
  // Stack of open blocks: a type body (members follow) or code (everything inside is skipped as one).
  // A code block of a method that may be blanked carries the method's name.
  const stack: Array<{ kind: 'type'; name: string } | { kind: 'code'; start: number; name?: string }> = [];
  let segmentStart = 0; // where the current member declaration starts, at type level
  let parens = 0; // open parentheses at type level (annotation arguments, parameter lists)
  let inlineBraces = 0; // `{` inside parentheses at type level: annotation array values
  const atTypeLevel = () => stack.length === 0 || stack.at(-1)!.kind === 'type';
  // Method bodies found: blanked at the end, unless they matter or call a method of this file that does.
  const bodies: Array<{ from: number; to: number; name: string; kept: boolean }> = [];
  const blank = (from: number, to: number) => {
    let at = -1;
    for (let lineStart = from; lineStart < to; ) {
      const nl = text.indexOf('\n', lineStart);
      const lineEnd = nl < 0 || nl > to ? to : nl;
      if (lineEnd - lineStart > MARKER.length) {
        at = lineStart;
        break;
      }
      lineStart = lineEnd + 1;
    }
    if (at < 0) return;
    for (let k = from; k < to; k++) if (out[k] !== '\n' && out[k] !== '\r') out[k] = ' ';
    for (let k = 0; k < MARKER.length; k++) out[at + k] = MARKER[k]!;
  };

  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    // Comments, strings, text blocks and char literals never open or close anything.
    if (c === '/' && text[i + 1] === '/') {
      const end = text.indexOf('\n', i);
      i = end < 0 ? text.length : end;
      continue;
    }
    if (c === '/' && text[i + 1] === '*') {
      const end = text.indexOf('*/', i + 2);
      if (end < 0) return text;
      i = end + 1;
      continue;
    }
    if (c === '"' && text.startsWith('"""', i)) {
      const end = text.indexOf('"""', i + 3);
      if (end < 0) return text;
      i = end + 2;
      continue;
    }
    if (c === '"' || c === "'") {
      let j = i + 1;
      while (j < text.length && text[j] !== c && text[j] !== '\n') j += text[j] === '\\' ? 2 : 1;
      i = j;
      continue;
    }
    if (!atTypeLevel()) {
      const top = stack.at(-1) as { kind: 'code'; start: number; name?: string; depth?: number };
      if (c === '{') top.depth = (top.depth ?? 0) + 1;
      else if (c === '}') {
        if (top.depth) top.depth--;
        else {
          stack.pop();
          if (top.name !== undefined) bodies.push({ from: top.start + 1, to: i, name: top.name, kept: keep(text.slice(top.start + 1, i)) });
          segmentStart = i + 1;
        }
      }
      continue;
    }
    if (c === '(') parens++;
    else if (c === ')') parens = Math.max(0, parens - 1);
    else if (c === '{' && parens > 0) inlineBraces++;
    else if (c === '}' && inlineBraces > 0) inlineBraces--;
    else if (c === ';') segmentStart = i + 1;
    else if (c === '{') {
      const segment = text.slice(segmentStart, i).replace(/\/\/[^\n]*|\/\*[\s\S]*?\*\//g, ' ');
      const type = /\b(class|interface|enum|record)\s+(\w+)/.exec(segment);
      if (type || /@interface\b/.test(segment)) {
        stack.push({ kind: 'type', name: type?.[2] ?? '' });
      } else {
        // A method body follows `)` (and maybe `throws …`); constructors carry the type's name.
        const method = /(\w+)\s*\([^]*\)\s*(throws\s[\w.,\s<>]+)?\s*$/.exec(segment);
        const enclosing = [...stack].reverse().find((s) => s.kind === 'type') as { name: string } | undefined;
        const isConstructor = method?.[1] === enclosing?.name;
        const isField = /=/.test(segment.split('(')[0] ?? '');
        // An enum constant with a body (`FOO("x") {`) has no return type before its name: its body is a class body.
        const head = method ? segment.slice(0, method.index).replace(/@[\w.]+(\s*\([^)]*\))?/g, ' ').trim() : '';
        const enumConstant = Boolean(method) && (head === '' || head.endsWith(','));
        const candidate = Boolean(method) && !isConstructor && !isField && !enumConstant;
        stack.push(candidate ? { kind: 'code', start: i, name: method![1]! } : { kind: 'code', start: i });
      }
      segmentStart = i + 1;
    } else if (c === '}') {
      stack.pop();
      segmentStart = i + 1;
    }
  }
  if (stack.length > 0) return text;
  // A method that calls a kept method of this file is kept too (main() building a config through helpers).
  for (let changed = true; changed; ) {
    changed = false;
    const kept = [...new Set(bodies.filter((b) => b.kept).map((b) => b.name))];
    if (kept.length === 0) break;
    const calls = new RegExp(`\\b(?:${kept.join('|')})\\s*\\(`);
    for (const b of bodies) {
      if (!b.kept && calls.test(text.slice(b.from, b.to))) {
        b.kept = true;
        changed = true;
      }
    }
  }
  for (const b of bodies) if (!b.kept) blank(b.from, b.to);
  return out.join('');
}
