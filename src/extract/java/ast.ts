// A small Java syntax tree built from java-parser's concrete syntax tree: the parts the Kafka analysis reads
// (declarations, statements, expressions with their positions), plain JSON so worker threads can hand it over.
// Anything the analysis does not model becomes `other`, keeping the calls and blocks nested inside it.

/** 1-based; end column exclusive, in UTF-16 code units (as java-parser counts). */
export interface Span {
  line: number;
  column: number;
  endLine: number;
  endColumn: number;
}

export type LiteralType = 'string' | 'int' | 'long' | 'float' | 'bool' | 'null' | 'char';

export type Expr =
  | { k: 'lit'; type: LiteralType; value: string; at: Span }
  /** `a`, `a.b.C`, `ProducerConfig.ACKS_CONFIG`: a dotted name, meaning decided later. */
  | { k: 'name'; parts: string[]; at: Span }
  | { k: 'this'; at: Span }
  /** `target.name(args)`; `at` spans the method name to the closing parenthesis (catalog: a call sits at its line). */
  | { k: 'call'; target: Expr | undefined; name: string; args: Expr[]; at: Span; start: Span }
  /** `new T(args) { body }`; `type` without type arguments. */
  | { k: 'new'; type: string; args: Expr[]; body?: ClassDecl; at: Span }
  | { k: 'array'; type?: string; elems: Expr[]; at: Span }
  | { k: 'field'; target: Expr; name: string; at: Span }
  | { k: 'index'; target: Expr; index: Expr; at: Span }
  | { k: 'bin'; op: string; left: Expr; right: Expr; at: Span }
  | { k: 'assign'; op: string; target: Expr; value: Expr; at: Span }
  | { k: 'unary'; op: string; operand: Expr; at: Span }
  | { k: 'cond'; test: Expr; then: Expr; else: Expr; at: Span }
  | { k: 'cast'; type: string; operand: Expr; at: Span }
  | { k: 'lambda'; params: string[]; body: Expr | Stmt[]; at: Span }
  | { k: 'mref'; target: Expr; name: string; at: Span }
  | { k: 'classLit'; type: string; at: Span }
  | { k: 'instanceof'; operand: Expr; type: string; at: Span }
  | { k: 'switch'; subject: Expr; cases: Stmt[][]; at: Span }
  | { k: 'other'; inner: Expr[]; at: Span };

export type Stmt =
  | { k: 'var'; type: string; name: string; init: Expr | undefined; at: Span }
  | { k: 'expr'; e: Expr; at: Span }
  | { k: 'return'; e: Expr | undefined; at: Span }
  | { k: 'if'; test: Expr; then: Stmt[]; else: Stmt[] | undefined; at: Span }
  /** Every loop; `each` is an enhanced for's variable and iterable. */
  | { k: 'loop'; init: Stmt[]; test: Expr | undefined; update: Expr[]; each?: { type: string; name: string; iterable: Expr }; body: Stmt[]; at: Span }
  | { k: 'try'; resources: Stmt[]; body: Stmt[]; catches: Array<{ types: string[]; name: string; body: Stmt[] }>; finally: Stmt[] | undefined; at: Span }
  | { k: 'block'; body: Stmt[]; at: Span }
  | { k: 'switch'; subject: Expr; cases: Stmt[][]; at: Span }
  | { k: 'throw'; e: Expr; at: Span }
  | { k: 'class'; decl: ClassDecl; at: Span }
  /** `this(...)` / `super(...)` at the start of a constructor. */
  | { k: 'ctorCall'; kind: 'this' | 'super'; args: Expr[]; at: Span }
  | { k: 'other'; inner: Expr[]; at: Span };

export interface Annotation {
  /** As written: `Bean`, `org.springframework.context.annotation.Bean`. */
  name: string;
  /** Element values; a single-element annotation's value is `value`. */
  args: Record<string, Expr>;
  at: Span;
}

export interface Param {
  name: string;
  type: string;
  annotations: Annotation[];
}

export interface Field {
  name: string;
  type: string;
  modifiers: string[];
  annotations: Annotation[];
  init: Expr | undefined;
  at: Span;
}

export interface Method {
  name: string;
  /** A constructor (`name` is the class name). */
  ctor: boolean;
  params: Param[];
  returnType: string;
  modifiers: string[];
  annotations: Annotation[];
  body: Stmt[] | undefined;
  at: Span;
  nameAt: Span;
}

export interface ClassDecl {
  kind: 'class' | 'interface' | 'enum' | 'record' | 'annotation' | 'anonymous';
  name: string;
  modifiers: string[];
  annotations: Annotation[];
  extends: string[];
  implements: string[];
  fields: Field[];
  methods: Method[];
  classes: ClassDecl[];
  initializers: Array<{ static: boolean; body: Stmt[] }>;
  enumConstants: Array<{ name: string; args: Expr[]; at: Span }>;
  at: Span;
  nameAt: Span;
}

export interface Import {
  name: string;
  static: boolean;
  star: boolean;
  at: Span;
}

export interface JavaFile {
  package: string | undefined;
  imports: Import[];
  classes: ClassDecl[];
}

// ------------------------------------------------------------------------------------------ CST access

interface Token {
  image: string;
  tokenType: { name: string };
  startOffset: number;
  startLine: number;
  startColumn: number;
  endLine: number;
  endColumn: number;
}

interface Node {
  name: string;
  children: Record<string, Array<Node | Token> | undefined>;
  location: { startOffset: number; startLine: number; startColumn: number; endLine: number; endColumn: number };
}

type Element = Node | Token;

const isToken = (e: Element): e is Token => (e as Token).image !== undefined;
const node = (n: Node, key: string, i = 0): Node | undefined => n.children[key]?.[i] as Node | undefined;
const nodes = (n: Node | undefined, key: string): Node[] => (n?.children[key] ?? []) as Node[];
const token = (n: Node, key: string, i = 0): Token | undefined => n.children[key]?.[i] as Token | undefined;
const tokens = (n: Node, key: string): Token[] => (n.children[key] ?? []) as Token[];
const offset = (e: Element): number => (isToken(e) ? e.startOffset : e.location.startOffset);

function sorted(n: Node): Element[] {
  const all: Element[] = [];
  for (const list of Object.values(n.children)) if (list) all.push(...list);
  return all.sort((a, b) => offset(a) - offset(b));
}

/** The first child in source order, without sorting them all. */
function firstChild(n: Node): Element | undefined {
  let best: Element | undefined;
  for (const list of Object.values(n.children)) {
    const e = list?.[0];
    if (e && (!best || offset(e) < offset(best))) best = e;
  }
  return best;
}

function spanOf(e: Element): Span {
  if (isToken(e)) return { line: e.startLine, column: e.startColumn, endLine: e.endLine, endColumn: e.endColumn + 1 };
  const l = e.location;
  return { line: l.startLine, column: l.startColumn, endLine: l.endLine, endColumn: l.endColumn + 1 };
}

function join(a: Span, b: Span): Span {
  return { line: a.line, column: a.column, endLine: b.endLine, endColumn: b.endColumn };
}

/** Identifier and keyword tokens of a type, without type arguments or annotations: `Map`, `a.b.C`, `int[]`. */
function typeText(n: Element | undefined): string {
  if (!n) return '';
  if (isToken(n)) return n.image;
  const found: Token[] = [];
  const walk = (e: Node) => {
    for (const [key, list] of Object.entries(e.children)) {
      if (!list || key === 'typeArguments' || key === 'typeArgumentsOrDiamond' || key === 'annotation' || key === 'typeParameters') continue;
      for (const c of list) {
        if (isToken(c)) found.push(c);
        else walk(c);
      }
    }
  };
  walk(n);
  found.sort((a, b) => a.startOffset - b.startOffset);
  let dims = '';
  const parts: string[] = [];
  for (const t of found) {
    const kind = t.tokenType.name;
    if (kind === 'LSquare') dims += '[]';
    else if (kind !== 'Dot' && kind !== 'RSquare' && kind !== 'QuestionMark' && kind !== 'At') parts.push(t.image);
  }
  return parts.join('.') + dims;
}

// ------------------------------------------------------------------------------------------ literals

const ESCAPES: Record<string, string> = { n: '\n', t: '\t', r: '\r', b: '\b', f: '\f', s: ' ', '"': '"', "'": "'", '\\': '\\' };

function unescape(body: string): string {
  return body.replace(/\\(u+[0-9a-fA-F]{4}|[0-7]{1,3}|[\s\S])/g, (whole, esc: string) => {
    if (esc.startsWith('u')) return String.fromCharCode(Number.parseInt(esc.replace(/^u+/, ''), 16));
    if (/^[0-7]/.test(esc)) return String.fromCharCode(Number.parseInt(esc, 8));
    if (esc === '\n') return ''; // a text block's line continuation
    return ESCAPES[esc] ?? whole;
  });
}

/** A text block's content: incidental indentation and trailing spaces removed, escapes applied (JLS 3.10.6). */
function textBlock(image: string): string {
  const body = image.slice(3, -3).replace(/\r\n?/g, '\n');
  const lines = body.slice(body.indexOf('\n') + 1).split('\n');
  const significant = lines.filter((l, i) => l.trim() !== '' || i === lines.length - 1);
  const indent = Math.min(...significant.map((l) => (l.trim() === '' ? l.length : l.length - l.trimStart().length)));
  const text = lines.map((l) => l.slice(Number.isFinite(indent) ? indent : 0).replace(/[ \t]+$/, '')).join('\n');
  return unescape(text);
}

function integer(image: string): { type: LiteralType; value: string } {
  const long = /[lL]$/.test(image);
  const text = image.replace(/[lL]$/, '').replace(/_/g, '');
  let value: bigint;
  if (/^0[xX]/.test(text)) value = BigInt(text);
  else if (/^0[bB]/.test(text)) value = BigInt(text);
  else if (/^0[0-7]+$/.test(text)) value = BigInt(`0o${text.slice(1)}`);
  else value = BigInt(text);
  return { type: long ? 'long' : 'int', value: value.toString() };
}

function literal(n: Node): Expr {
  const at = spanOf(n);
  const e = firstChild(n)!;
  const t = isToken(e) ? e : (firstChild(e) as Token);
  switch (t.tokenType.name) {
    case 'StringLiteral':
      return { k: 'lit', type: 'string', value: unescape(t.image.slice(1, -1)), at };
    case 'TextBlock':
      return { k: 'lit', type: 'string', value: textBlock(t.image), at };
    case 'CharLiteral':
      return { k: 'lit', type: 'char', value: unescape(t.image.slice(1, -1)), at };
    case 'True':
    case 'False':
      return { k: 'lit', type: 'bool', value: t.image, at };
    case 'Null':
      return { k: 'lit', type: 'null', value: 'null', at };
    case 'FloatLiteral':
    case 'HexFloatLiteral':
      return { k: 'lit', type: 'float', value: t.image.replace(/_/g, '').replace(/[fFdD]$/, ''), at };
    default:
      try {
        return { k: 'lit', ...integer(t.image), at };
      } catch {
        return { k: 'other', inner: [], at };
      }
  }
}

// ------------------------------------------------------------------------------------------ expressions

/** Binary operator precedence, lowest first (assignment is handled separately, right-associative). */
const PRECEDENCE: Record<string, number> = {
  '||': 1,
  '&&': 2,
  '|': 3,
  '^': 4,
  '&': 5,
  '==': 6,
  '!=': 6,
  '<': 7,
  '>': 7,
  '<=': 7,
  '>=': 7,
  instanceof: 7,
  '<<': 8,
  '>>': 8,
  '>>>': 8,
  '+': 9,
  '-': 9,
  '*': 10,
  '/': 10,
  '%': 10,
};

export function expression(n: Node | undefined): Expr {
  if (!n) return { k: 'other', inner: [], at: { line: 0, column: 0, endLine: 0, endColumn: 0 } };
  switch (n.name) {
    case 'expression': {
      const lambda = node(n, 'lambdaExpression');
      return lambda ? lambdaExpression(lambda) : expression(node(n, 'conditionalExpression'));
    }
    case 'conditionalExpression': {
      const bin = binaryExpression(node(n, 'binaryExpression')!);
      const branches = nodes(n, 'expression');
      if (branches.length < 2) return bin;
      return { k: 'cond', test: bin, then: expression(branches[0]), else: expression(branches[1]), at: spanOf(n) };
    }
    case 'elementValue': {
      const cond = node(n, 'conditionalExpression');
      if (cond) return expression(cond);
      const arr = node(n, 'elementValueArrayInitializer');
      if (arr) return { k: 'array', elems: nodes(node(arr, 'elementValueList'), 'elementValue').map(expression), at: spanOf(arr) };
      return { k: 'other', inner: [], at: spanOf(n) };
    }
    case 'variableInitializer': {
      const arr = node(n, 'arrayInitializer');
      return arr ? arrayInitializer(arr) : expression(node(n, 'expression'));
    }
    case 'unaryExpression':
    case 'unaryExpressionNotPlusMinus':
      return unaryExpression(n);
    case 'primary':
      return primary(n);
    default:
      return { k: 'other', inner: collectExprs(n), at: spanOf(n) };
  }
}

function lambdaExpression(n: Node): Expr {
  const paramsNode = node(n, 'lambdaParameters')!;
  const params: string[] = [];
  const walk = (e: Element) => {
    if (isToken(e)) {
      if (e.tokenType.name === 'Identifier' || e.tokenType.name === 'Underscore') params.push(e.image);
      return;
    }
    if (e.name === 'variableDeclaratorId') {
      const id = token(e, 'Identifier');
      if (id) params.push(id.image);
      return;
    }
    if (e.name === 'lambdaParameterType' || e.name === 'unannType' || e.name === 'variableModifier') return;
    for (const c of sorted(e)) walk(c);
  };
  walk(paramsNode);
  const bodyNode = node(n, 'lambdaBody')!;
  const block = node(bodyNode, 'block');
  return { k: 'lambda', params, body: block ? blockStatements(block) : expression(node(bodyNode, 'expression')), at: spanOf(n) };
}

function arrayInitializer(n: Node): Expr {
  return { k: 'array', elems: nodes(node(n, 'variableInitializerList'), 'variableInitializer').map(expression), at: spanOf(n) };
}

function binaryExpression(n: Node): Expr {
  const operands = nodes(n, 'unaryExpression');
  if (operands.length === 1 && !n.children.AssignmentOperator && !n.children.Instanceof) return unaryExpression(operands[0]!);
  // java-parser keeps operands and operators flat, in source order: rebuild the tree by precedence.
  const items: Array<{ offset: number; op?: string; operand?: Expr; type?: string }> = [];
  for (const u of operands) items.push({ offset: u.location.startOffset, operand: unaryExpression(u) });
  for (const t of tokens(n, 'BinaryOperator')) items.push({ offset: t.startOffset, op: t.image });
  for (const s of nodes(n, 'shiftOperator')) items.push({ offset: s.location.startOffset, op: sorted(s).map((t) => (t as Token).image).join('') });
  for (const t of tokens(n, 'AssignmentOperator')) items.push({ offset: t.startOffset, op: `=${t.image}` });
  for (const e of nodes(n, 'expression')) items.push({ offset: e.location.startOffset, operand: expression(e) });
  const instanceTypes = [...nodes(n, 'referenceType'), ...nodes(n, 'pattern')];
  for (const t of tokens(n, 'Instanceof')) items.push({ offset: t.startOffset, op: 'instanceof' });
  for (const r of instanceTypes) items.push({ offset: r.location.startOffset, type: typeText(r) });
  items.sort((a, b) => a.offset - b.offset);

  let i = 0;
  const parseOperand = (): Expr => {
    const item = items[i++];
    return item?.operand ?? { k: 'other', inner: [], at: spanOf(n) };
  };
  const climb = (minPrec: number): Expr => {
    let left = parseOperand();
    for (;;) {
      const op = items[i]?.op;
      if (op === undefined) return left;
      if (op.startsWith('=')) {
        if (minPrec > 0) return left;
        i++;
        const value = climb(0);
        left = { k: 'assign', op: op.slice(1), target: left, value, at: join(left.at, value.at) };
        continue;
      }
      const prec = PRECEDENCE[op] ?? 9;
      if (prec < minPrec) return left;
      i++;
      if (op === 'instanceof') {
        const type = items[i++]?.type ?? '';
        left = { k: 'instanceof', operand: left, type, at: left.at };
        continue;
      }
      const right = climb(prec + 1);
      left = { k: 'bin', op, left, right, at: join(left.at, right.at) };
    }
  };
  return climb(0);
}

function unaryExpression(n: Node): Expr {
  let e = primary(node(n, 'primary')!);
  for (const t of [...tokens(n, 'UnaryPrefixOperator'), ...tokens(n, 'UnaryPrefixOperatorNotPlusMinus')].reverse()) {
    e = { k: 'unary', op: t.image, operand: e, at: join(spanOf(t), e.at) };
  }
  for (const t of tokens(n, 'UnarySuffixOperator')) e = { k: 'unary', op: `post${t.image}`, operand: e, at: join(e.at, spanOf(t)) };
  return e;
}

function argumentList(n: Node | undefined): Expr[] {
  return nodes(n, 'expression').map(expression);
}

function primary(n: Node): Expr {
  const prefix = node(n, 'primaryPrefix')!;
  const suffixes = nodes(n, 'primarySuffix');
  const first = firstChild(prefix)!;
  let current: Expr | undefined;
  // A method name waiting to learn whether it is called (`a.b(` ) or read (`a.b`).
  let pending: { name: string; at: Span } | undefined;

  if (!isToken(first) && first.name === 'fqnOrRefType') {
    const parts: Array<{ name: string; at: Span }> = [];
    const collect = (part: Node | undefined) => {
      const common = part && node(part, 'fqnOrRefTypePartCommon');
      const id = common && (token(common, 'Identifier') ?? token(common, 'Super'));
      if (id) parts.push({ name: id.image, at: spanOf(id) });
    };
    collect(node(first, 'fqnOrRefTypePartFirst'));
    for (const rest of nodes(first, 'fqnOrRefTypePartRest')) collect(rest);
    if (suffixes[0] && node(suffixes[0], 'methodInvocationSuffix') && parts.length > 0) {
      pending = parts.pop()!;
      if (parts.length > 0) current = { k: 'name', parts: parts.map((p) => p.name), at: join(parts[0]!.at, parts.at(-1)!.at) };
    } else if (node(first, 'dims')) {
      current = { k: 'classLit', type: `${parts.map((p) => p.name).join('.')}[]`, at: spanOf(first) };
    } else {
      current = { k: 'name', parts: parts.map((p) => p.name), at: spanOf(first) };
    }
  } else if (isToken(first)) {
    current = first.tokenType.name === 'This' ? { k: 'this', at: spanOf(first) } : { k: 'other', inner: [], at: spanOf(first) };
  } else {
    switch (first.name) {
      case 'literal':
        current = literal(first);
        break;
      case 'parenthesisExpression':
        current = expression(node(first, 'expression'));
        break;
      case 'castExpression': {
        const c = firstChild(first) as Node;
        const type = typeText(node(c, 'primitiveType') ?? node(c, 'referenceType'));
        const lambda = node(c, 'lambdaExpression');
        current = { k: 'cast', type, operand: lambda ? lambdaExpression(lambda) : expression(node(c, 'unaryExpression') ?? node(c, 'unaryExpressionNotPlusMinus')), at: spanOf(first) };
        break;
      }
      case 'newExpression':
        current = newExpression(first);
        break;
      case 'switchStatement':
        current = { k: 'switch', ...switchParts(first), at: spanOf(first) };
        break;
      case 'unannPrimitiveTypeWithOptionalDimsSuffix':
        current = { k: 'classLit', type: typeText(first), at: spanOf(first) };
        break;
      default:
        current = { k: 'other', inner: collectExprs(first), at: spanOf(first) };
    }
  }

  const settle = () => {
    if (!pending) return;
    current = current ? { k: 'field', target: current, name: pending.name, at: join(current.at, pending.at) } : { k: 'name', parts: [pending.name], at: pending.at };
    pending = undefined;
  };
  for (const s of suffixes) {
    const call = node(s, 'methodInvocationSuffix');
    if (call) {
      const args = argumentList(node(call, 'argumentList'));
      if (pending) {
        const at = join(pending.at, spanOf(call));
        current = { k: 'call', target: current, name: pending.name, args, at, start: current ? join(current.at, spanOf(call)) : at };
        pending = undefined;
      } else current = { k: 'other', inner: current ? [current, ...args] : args, at: spanOf(call) };
      continue;
    }
    settle();
    const base: Expr = current ?? { k: 'other', inner: [], at: spanOf(s) };
    if (token(s, 'Dot')) {
      const id = token(s, 'Identifier');
      const inner = node(s, 'unqualifiedClassInstanceCreationExpression');
      if (id) pending = { name: id.image, at: spanOf(id) };
      else if (inner) current = classInstance(inner);
      else if (token(s, 'This')) current = { k: 'this', at: spanOf(s) };
      continue;
    }
    const ref = node(s, 'methodReferenceSuffix');
    const access = node(s, 'arrayAccessSuffix');
    if (ref) current = { k: 'mref', target: base, name: (token(ref, 'Identifier') ?? token(ref, 'New'))?.image ?? '', at: join(base.at, spanOf(ref)) };
    else if (access) current = { k: 'index', target: base, index: expression(node(access, 'expression')), at: join(base.at, spanOf(access)) };
    else if (node(s, 'classLiteralSuffix')) current = { k: 'classLit', type: base.k === 'name' ? base.parts.join('.') : '', at: join(base.at, spanOf(s)) };
    else current = { k: 'other', inner: [base, ...collectExprs(s)], at: join(base.at, spanOf(s)) };
  }
  settle();
  return current ?? { k: 'other', inner: [], at: spanOf(n) };
}

function classInstance(n: Node): Expr {
  const typeNode = node(n, 'classOrInterfaceTypeToInstantiate')!;
  const type = tokens(typeNode, 'Identifier')
    .map((t) => t.image)
    .join('.');
  const args = argumentList(node(n, 'argumentList'));
  const bodyNode = node(n, 'classBody');
  const e: Expr = { k: 'new', type, args, at: spanOf(n) };
  if (bodyNode) e.body = classBody(bodyNode, { kind: 'anonymous', name: type, nameAt: spanOf(typeNode), at: spanOf(bodyNode), modifiers: [], annotations: [], extends: [type], implements: [] });
  return e;
}

function newExpression(n: Node): Expr {
  const inst = node(n, 'unqualifiedClassInstanceCreationExpression');
  if (inst) return classInstance(inst);
  const arr = node(n, 'arrayCreationExpression')!;
  const type = typeText(node(arr, 'primitiveType') ?? node(arr, 'classOrInterfaceType'));
  const withInit = node(arr, 'arrayCreationWithInitializerSuffix');
  const init = withInit && node(withInit, 'arrayInitializer');
  if (init) return { ...(arrayInitializer(init) as Extract<Expr, { k: 'array' }>), type };
  return { k: 'other', inner: collectExprs(arr), at: spanOf(n) };
}

/** Expressions nested anywhere under a node the tree does not model, so calls inside are still seen. */
function collectExprs(n: Node): Expr[] {
  const out: Expr[] = [];
  const walk = (e: Element) => {
    if (isToken(e)) return;
    if (e.name === 'expression' || e.name === 'elementValue') {
      out.push(expression(e));
      return;
    }
    if (e.name === 'block') {
      out.push({ k: 'lambda', params: [], body: blockStatements(e), at: spanOf(e) });
      return;
    }
    for (const c of sorted(e)) walk(c);
  };
  for (const c of sorted(n)) walk(c);
  return out;
}

// ------------------------------------------------------------------------------------------ statements

function switchParts(n: Node): { subject: Expr; cases: Stmt[][] } {
  const subject = expression(node(n, 'expression'));
  const blockNode = node(n, 'switchBlock')!;
  const cases: Stmt[][] = [];
  for (const g of nodes(blockNode, 'switchBlockStatementGroup')) {
    const bs = node(g, 'blockStatements');
    cases.push(bs ? nodes(bs, 'blockStatement').flatMap(blockStatement) : []);
  }
  for (const r of nodes(blockNode, 'switchRule')) {
    const b = node(r, 'block');
    const e = node(r, 'expression');
    const t = node(r, 'throwStatement');
    if (b) cases.push(blockStatements(b));
    else if (e) cases.push([{ k: 'expr', e: expression(e), at: spanOf(e) }]);
    else if (t) cases.push([{ k: 'throw', e: expression(node(t, 'expression')), at: spanOf(t) }]);
  }
  return { subject, cases };
}

function blockStatements(block: Node): Stmt[] {
  const bs = node(block, 'blockStatements');
  return bs ? nodes(bs, 'blockStatement').flatMap(blockStatement) : [];
}

function localVariables(n: Node): Stmt[] {
  const typeNode = node(n, 'localVariableType');
  const type = typeNode && token(typeNode, 'Var') ? 'var' : typeText(typeNode);
  return nodes(node(n, 'variableDeclaratorList'), 'variableDeclarator').map((d) => {
    const id = node(d, 'variableDeclaratorId')!;
    const init = node(d, 'variableInitializer');
    return { k: 'var', type, name: (token(id, 'Identifier') ?? token(id, 'Underscore'))?.image ?? '_', init: init ? expression(init) : undefined, at: spanOf(d) } satisfies Stmt;
  });
}

function blockStatement(n: Node): Stmt[] {
  const local = node(n, 'localVariableDeclarationStatement');
  if (local) return localVariables(node(local, 'localVariableDeclaration')!);
  const cls = node(n, 'classDeclaration') ?? node(n, 'interfaceDeclaration');
  if (cls) return [{ k: 'class', decl: typeDeclaration(cls), at: spanOf(cls) }];
  const st = node(n, 'statement');
  return st ? [statement(st)] : [];
}

function body(n: Node | undefined): Stmt[] {
  if (!n) return [];
  if (n.name === 'block') return blockStatements(n);
  const s = statement(n);
  return s.k === 'block' ? s.body : [s];
}

function statement(n: Node): Stmt {
  const at = spanOf(n);
  const inner = firstChild(n);
  if (!inner || isToken(inner)) return { k: 'other', inner: [], at };
  switch (inner.name) {
    case 'statementWithoutTrailingSubstatement':
    case 'statement':
      return statement(inner);
    case 'block':
      return { k: 'block', body: blockStatements(inner), at };
    case 'expressionStatement':
      return { k: 'expr', e: expression(node(node(inner, 'statementExpression')!, 'expression')), at };
    case 'returnStatement':
      return { k: 'return', e: node(inner, 'expression') ? expression(node(inner, 'expression')) : undefined, at };
    case 'ifStatement': {
      const [then, otherwise] = nodes(inner, 'statement');
      return { k: 'if', test: expression(node(inner, 'expression')), then: body(then), else: otherwise ? body(otherwise) : undefined, at };
    }
    case 'whileStatement':
    case 'doStatement':
      return { k: 'loop', init: [], test: expression(node(inner, 'expression')), update: [], body: body(node(inner, 'statement')), at };
    case 'forStatement': {
      const basic = node(inner, 'basicForStatement');
      if (basic) {
        const initNode = node(basic, 'forInit');
        const decl = initNode && node(initNode, 'localVariableDeclaration');
        const list = initNode && node(initNode, 'statementExpressionList');
        const init: Stmt[] = decl ? localVariables(decl) : nodes(list, 'statementExpression').map((s) => ({ k: 'expr', e: expression(node(s, 'expression')), at: spanOf(s) }));
        const update = nodes(node(basic, 'forUpdate') && node(node(basic, 'forUpdate')!, 'statementExpressionList'), 'statementExpression').map((s) => expression(node(s, 'expression')));
        const test = node(basic, 'expression');
        return { k: 'loop', init, test: test ? expression(test) : undefined, update, body: body(node(basic, 'statement')), at };
      }
      const each = node(inner, 'enhancedForStatement')!;
      const v = localVariables(node(each, 'localVariableDeclaration')!)[0] as Extract<Stmt, { k: 'var' }> | undefined;
      const iterable = expression(node(each, 'expression'));
      return { k: 'loop', init: [], test: undefined, update: [], each: { type: v?.type ?? '', name: v?.name ?? '', iterable }, body: body(node(each, 'statement')), at };
    }
    case 'labeledStatement':
      return { k: 'block', body: body(node(inner, 'statement')), at };
    case 'synchronizedStatement':
      return { k: 'block', body: [{ k: 'expr', e: expression(node(inner, 'expression')), at }, ...blockStatements(node(inner, 'block')!)], at };
    case 'switchStatement':
      return { k: 'switch', ...switchParts(inner), at };
    case 'throwStatement':
      return { k: 'throw', e: expression(node(inner, 'expression')), at };
    case 'yieldStatement':
      return { k: 'return', e: expression(node(inner, 'expression')), at };
    case 'tryStatement': {
      const withResources = node(inner, 'tryWithResourcesStatement');
      const t = withResources ?? inner;
      const resources: Stmt[] = [];
      if (withResources) {
        for (const r of nodes(node(node(withResources, 'resourceSpecification')!, 'resourceList'), 'resource')) {
          const decl = node(r, 'localVariableDeclaration');
          if (decl) resources.push(...localVariables(decl));
        }
      }
      const catches = nodes(node(t, 'catches'), 'catchClause').map((c) => {
        const param = node(c, 'catchFormalParameter')!;
        const catchType = node(param, 'catchType')!;
        const types = [...nodes(catchType, 'unannClassType'), ...nodes(catchType, 'classType')].map(typeText);
        const id = node(param, 'variableDeclaratorId');
        return { types, name: (id && token(id, 'Identifier')?.image) ?? '_', body: blockStatements(node(c, 'block')!) };
      });
      const fin = node(t, 'finally');
      return { k: 'try', resources, body: blockStatements(node(t, 'block')!), catches, finally: fin ? blockStatements(node(fin, 'block')!) : undefined, at };
    }
    default:
      return { k: 'other', inner: collectExprs(inner), at };
  }
}

// ------------------------------------------------------------------------------------------ declarations

function annotation(n: Node): Annotation {
  const args: Record<string, Expr> = {};
  const pairs = node(n, 'elementValuePairList');
  for (const p of nodes(pairs, 'elementValuePair')) args[token(p, 'Identifier')!.image] = expression(node(p, 'elementValue'));
  const single = node(n, 'elementValue');
  if (single) args.value = expression(single);
  return { name: typeText(node(n, 'typeName')), args, at: spanOf(n) };
}

/** Modifiers and annotations of a declaration, from its `*Modifier` children. */
function modifiersOf(n: Node, key: string): { modifiers: string[]; annotations: Annotation[] } {
  const modifiers: string[] = [];
  const annotations: Annotation[] = [];
  for (const m of nodes(n, key)) {
    const a = node(m, 'annotation');
    if (a) annotations.push(annotation(a));
    else {
      const t = firstChild(m);
      if (t && isToken(t)) modifiers.push(t.image);
    }
  }
  return { modifiers, annotations };
}

function params(list: Node | undefined): Param[] {
  return nodes(list, 'formalParameter').map((p) => {
    const inner = (node(p, 'variableParaRegularParameter') ?? node(p, 'variableArityParameter'))!;
    const { annotations } = modifiersOf(inner, 'variableModifier');
    const id = node(inner, 'variableDeclaratorId');
    const name = (id ? token(id, 'Identifier') : token(inner, 'Identifier'))?.image ?? '_';
    return { name, type: typeText(node(inner, 'unannType')) + (node(p, 'variableArityParameter') ? '[]' : ''), annotations };
  });
}

type ClassHead = Pick<ClassDecl, 'kind' | 'name' | 'nameAt' | 'at' | 'modifiers' | 'annotations' | 'extends' | 'implements'>;

function emptyClass(head: ClassHead): ClassDecl {
  return { ...head, fields: [], methods: [], classes: [], initializers: [], enumConstants: [] };
}

function fieldsOf(n: Node, modifierKey: string, interfaceConstant: boolean): Field[] {
  const { modifiers, annotations } = modifiersOf(n, modifierKey);
  // Interface fields are implicitly public static final.
  const mods = interfaceConstant ? [...new Set([...modifiers, 'public', 'static', 'final'])] : modifiers;
  const type = typeText(node(n, 'unannType'));
  return nodes(node(n, 'variableDeclaratorList'), 'variableDeclarator').map((d) => {
    const id = node(d, 'variableDeclaratorId')!;
    const init = node(d, 'variableInitializer');
    return { name: token(id, 'Identifier')?.image ?? '_', type, modifiers: mods, annotations, init: init ? expression(init) : undefined, at: spanOf(d) };
  });
}

function method(n: Node, header: Node, modifierKey: string, bodyNode: Node | undefined): Method {
  const { modifiers, annotations } = modifiersOf(n, modifierKey);
  const declarator = node(header, 'methodDeclarator')!;
  const id = token(declarator, 'Identifier')!;
  const result = node(header, 'result')!;
  const block = bodyNode && node(bodyNode, 'block');
  return {
    name: id.image,
    ctor: false,
    params: params(node(declarator, 'formalParameterList')),
    returnType: token(result, 'Void') ? 'void' : typeText(node(result, 'unannType')),
    modifiers,
    annotations,
    body: block ? blockStatements(block) : undefined,
    at: spanOf(n),
    nameAt: spanOf(id),
  };
}

function classBody(n: Node, head: ClassHead): ClassDecl {
  const decl = emptyClass(head);
  for (const d of nodes(n, 'classBodyDeclaration')) {
    const member = node(d, 'classMemberDeclaration');
    if (member) {
      const field = node(member, 'fieldDeclaration');
      if (field) decl.fields.push(...fieldsOf(field, 'fieldModifier', false));
      const m = node(member, 'methodDeclaration');
      if (m) decl.methods.push(method(m, node(m, 'methodHeader')!, 'methodModifier', node(m, 'methodBody')));
      const c = node(member, 'classDeclaration') ?? node(member, 'interfaceDeclaration');
      if (c) decl.classes.push(typeDeclaration(c));
      continue;
    }
    const init = node(d, 'instanceInitializer') ?? node(d, 'staticInitializer');
    if (init) {
      decl.initializers.push({ static: init.name === 'staticInitializer', body: blockStatements(node(init, 'block')!) });
      continue;
    }
    const ctor = node(d, 'constructorDeclaration');
    if (ctor) decl.methods.push(constructor(ctor));
  }
  return decl;
}

function constructor(n: Node): Method {
  const { modifiers, annotations } = modifiersOf(n, 'constructorModifier');
  const declarator = node(n, 'constructorDeclarator')!;
  const nameNode = node(declarator, 'simpleTypeName')!;
  const bodyNode = node(n, 'constructorBody')!;
  const stmts: Stmt[] = [];
  const explicit = node(bodyNode, 'explicitConstructorInvocation');
  if (explicit) {
    const inv = node(explicit, 'unqualifiedExplicitConstructorInvocation');
    if (inv) stmts.push({ k: 'ctorCall', kind: token(inv, 'This') ? 'this' : 'super', args: argumentList(node(inv, 'argumentList')), at: spanOf(inv) });
  }
  const bs = node(bodyNode, 'blockStatements');
  if (bs) stmts.push(...nodes(bs, 'blockStatement').flatMap(blockStatement));
  return { name: typeText(nameNode), ctor: true, params: params(node(declarator, 'formalParameterList')), returnType: '', modifiers, annotations, body: stmts, at: spanOf(n), nameAt: spanOf(nameNode) };
}

function interfaceBody(n: Node, head: ClassHead): ClassDecl {
  const decl = emptyClass(head);
  for (const m of nodes(n, 'interfaceMemberDeclaration')) {
    const constant = node(m, 'constantDeclaration');
    if (constant) decl.fields.push(...fieldsOf(constant, 'constantModifier', true));
    const im = node(m, 'interfaceMethodDeclaration');
    if (im) decl.methods.push(method(im, node(im, 'methodHeader')!, 'interfaceMethodModifier', node(im, 'methodBody')));
    const c = node(m, 'classDeclaration') ?? node(m, 'interfaceDeclaration');
    if (c) decl.classes.push(typeDeclaration(c));
  }
  return decl;
}

function typeList(n: Node | undefined): string[] {
  if (!n) return [];
  const list = node(n, 'interfaceTypeList') ?? n;
  return [...nodes(list, 'interfaceType'), ...nodes(list, 'classType')].map(typeText);
}

function typeDeclaration(n: Node): ClassDecl {
  if (n.name === 'classDeclaration') {
    const { modifiers, annotations } = modifiersOf(n, 'classModifier');
    const normal = node(n, 'normalClassDeclaration');
    if (normal) {
      const id = node(normal, 'typeIdentifier')!;
      const ext = node(normal, 'classExtends');
      return classBody(node(normal, 'classBody')!, {
        kind: 'class',
        name: typeText(id),
        nameAt: spanOf(id),
        at: spanOf(n),
        modifiers,
        annotations,
        extends: ext ? [typeText(node(ext, 'classType'))] : [],
        implements: typeList(node(normal, 'classImplements')),
      });
    }
    const en = node(n, 'enumDeclaration');
    if (en) {
      const id = node(en, 'typeIdentifier')!;
      const enumBody = node(en, 'enumBody')!;
      const bodyDecls = node(enumBody, 'enumBodyDeclarations');
      const head: ClassHead = { kind: 'enum', name: typeText(id), nameAt: spanOf(id), at: spanOf(n), modifiers, annotations, extends: [], implements: typeList(node(en, 'classImplements')) };
      const decl = bodyDecls ? classBody(bodyDecls, head) : emptyClass(head);
      for (const c of nodes(node(enumBody, 'enumConstantList'), 'enumConstant')) {
        const cid = token(c, 'Identifier')!;
        decl.enumConstants.push({ name: cid.image, args: argumentList(node(c, 'argumentList')), at: spanOf(cid) });
      }
      return decl;
    }
    const rec = node(n, 'recordDeclaration')!;
    const id = node(rec, 'typeIdentifier')!;
    const recBody = node(rec, 'recordBody')!;
    const decl = emptyClass({ kind: 'record', name: typeText(id), nameAt: spanOf(id), at: spanOf(n), modifiers, annotations, extends: [], implements: typeList(node(rec, 'classImplements')) });
    for (const rbd of nodes(recBody, 'recordBodyDeclaration')) {
      const cbd = node(rbd, 'classBodyDeclaration');
      if (cbd) {
        const inner = classBody({ name: 'classBody', children: { classBodyDeclaration: [cbd] }, location: recBody.location }, decl);
        decl.fields.push(...inner.fields);
        decl.methods.push(...inner.methods);
        decl.classes.push(...inner.classes);
        decl.initializers.push(...inner.initializers);
      }
    }
    return decl;
  }
  // interfaceDeclaration
  const { modifiers, annotations } = modifiersOf(n, 'interfaceModifier');
  const normal = node(n, 'normalInterfaceDeclaration');
  if (normal) {
    const id = node(normal, 'typeIdentifier')!;
    const ext = node(normal, 'interfaceExtends');
    return interfaceBody(node(normal, 'interfaceBody')!, { kind: 'interface', name: typeText(id), nameAt: spanOf(id), at: spanOf(n), modifiers, annotations, extends: typeList(ext), implements: [] });
  }
  const ann = node(n, 'annotationInterfaceDeclaration')!;
  const id = node(ann, 'typeIdentifier')!;
  return emptyClass({ kind: 'annotation', name: typeText(id), nameAt: spanOf(id), at: spanOf(n), modifiers, annotations, extends: [], implements: [] });
}

/** The small tree of one parsed compilation unit. */
export function fromCst(cst: unknown): JavaFile {
  const root = cst as Node;
  const unit = node(root, 'ordinaryCompilationUnit');
  const file: JavaFile = { package: undefined, imports: [], classes: [] };
  if (!unit) return file; // a module-info.java
  const pkg = node(unit, 'packageDeclaration');
  if (pkg) file.package = tokens(pkg, 'Identifier').map((t) => t.image).join('.');
  for (const imp of nodes(unit, 'importDeclaration')) {
    const name = node(imp, 'packageOrTypeName');
    if (!name) continue;
    file.imports.push({ name: typeText(name), static: Boolean(token(imp, 'Static')), star: Boolean(token(imp, 'Star')), at: spanOf(imp) });
  }
  for (const t of nodes(unit, 'typeDeclaration')) {
    const c = node(t, 'classDeclaration') ?? node(t, 'interfaceDeclaration');
    if (c) file.classes.push(typeDeclaration(c));
  }
  return file;
}
