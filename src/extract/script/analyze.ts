// JavaScript/TypeScript → facts. Values are followed through const bindings, object literals and spreads, imports and
// exports (ESM and CommonJS), enums and helper functions; a Kafka library is recognized only through its import,
// never through a variable name (catalog §2.2, §2.4, §3b).
import path from 'node:path';
import type { ts } from 'ts-morph';
import type { ApiCall, ClientConfig, ConfigEntry, Library, Location, Role, Scope } from '../../facts.js';
import { canonicalKey, PSEUDO_KEYS } from '../../kafka/keys.js';
import {
  compressionCode,
  compressionName,
  kafkaMechanism,
  KAFKA_NODE_CLIENT_OPTIONS,
  KAFKAJS_CLIENT_OPTIONS,
  KAFKAJS_CONSUMER_OPTIONS,
  KAFKAJS_PRODUCER_OPTIONS,
  KAFKAJS_SASL_OPTIONS,
  KAFKAJS_SEND_OPTIONS,
  KAFKAJS_SSL_OPTIONS,
  NODE_ADMIN_CALLS,
  NODE_CONSTRUCTORS,
  NODE_PACKAGES,
  NODE_TYPES,
  RDKAFKA_FACTORIES,
  SCHEMA_REGISTRY_CLASSES,
  SCRIPT_EXTENSIONS,
  TRANSACTION_CALLS,
  type Family,
  type HandleKind,
  type OptionKey,
} from '../../kafka/node.js';
import { LineIndex } from '../../location.js';

type TS = typeof ts;

export interface Mod {
  path: string;
  sf: ts.SourceFile;
  index: LineIndex;
  /** Names assigned anywhere in the module after their declaration (`x = …`, `x++`): such `let`s are unknown. */
  reassigned: Set<string>;
  /** `name.prop = v` / `name[k] = v` / `Object.assign(name, …)`: the object a const holds is changed later. */
  mutations: Map<string, ts.Node[]>;
  /** Plain `name = value` assignments, by name. */
  assignments: Map<string, ts.BinaryExpression[]>;
}

interface Prop {
  v: V;
  key: ts.Node;
  value: ts.Node | undefined;
  mod: Mod;
}

interface Handle {
  kind: HandleKind;
  fam: Family;
  unit?: Draft;
}

/** A JavaScript value as far as it can be known without running anything. `d`: it is a literal fallback. */
type V =
  | { k: 'str'; v: string; d?: boolean }
  /** A string with unknown parts, kept as `${…}`: never a value, but it shows a token's or a JAAS line's shape. */
  | { k: 'tpl'; v: string }
  | { k: 'num'; v: number; d?: boolean }
  | { k: 'bool'; v: boolean; d?: boolean }
  | { k: 'nil' }
  | { k: 'obj'; props: Map<string, Prop>; open: boolean }
  | { k: 'arr'; items: V[]; nodes: Array<ts.Node | undefined>; open: boolean }
  | { k: 'lib'; pkg: string; fam: Family; path: string[] }
  | { k: 'handle'; h: Handle }
  | { k: 'mod'; mod: Mod }
  | { k: 'fn'; node: ts.SignatureDeclaration; mod: Mod }
  | { k: 'enum'; node: ts.EnumDeclaration; mod: Mod }
  | { k: 'env' }
  | { k: 'unk' };

const UNK: V = { k: 'unk' };
const NIL: V = { k: 'nil' };

interface Env {
  mod: Mod;
  /** Argument values of a helper being evaluated. */
  params?: Map<ts.ParameterDeclaration, V>;
  depth: number;
}

type Decl =
  | { k: 'var'; decl: ts.VariableDeclaration; path: string[]; isConst: boolean }
  | { k: 'param'; param: ts.ParameterDeclaration; path: string[] }
  | { k: 'import'; spec: string; name: string }
  | { k: 'function'; node: ts.FunctionDeclaration }
  | { k: 'class'; node: ts.ClassDeclaration }
  | { k: 'enum'; node: ts.EnumDeclaration };

interface Draft {
  id: string;
  library: Library;
  roles: Role[];
  anchor: Location;
  entries: ConfigEntry[];
  closed: boolean;
  label?: string;
  /** The `new Kafka(...)` a kafkajs-style client was made from: its settings apply too. */
  parent?: Draft;
  /** Every setting is visible (what children inherit); `closed` also says the unit is a client of its own. */
  complete: boolean;
  /** kafkajs producer/consumer units do not inherit where the client connects: their fix goes into their own options. */
  inheritBootstrap: boolean;
  package?: string;
}

const MAX_DEPTH = 40;

export interface ScriptFacts {
  configs: ClientConfig[];
  apiCalls: ApiCall[];
}

/** Evaluates expressions across the modules `load` gives; records Kafka units and calls as it meets them. */
export class ScriptAnalysis {
  private readonly memo = new Map<ts.Node, V>();
  /**
   * What a construction or client call made, by node, whatever the arguments of the helper it was reached through:
   * one client in the code is one unit, even when a helper that builds it is evaluated twice.
   */
  private readonly made = new Map<ts.Node, V>();
  private readonly busy = new Set<ts.Node>();
  private readonly scopes = new WeakMap<ts.Node, Map<string, Decl>>();
  private readonly drafts: Draft[] = [];
  private readonly calls: ApiCall[] = [];
  private readonly seenCalls = new Set<string>();
  private readonly sk: typeof ts.SyntaxKind;

  constructor(
    private readonly ts: TS,
    private readonly load: (from: string, spec: string) => Mod | undefined,
    /** A relative import of a Kafka package's own root (its examples: `require('../index')`): the package name. */
    private readonly ownPackage: (from: string, spec: string) => string | undefined = () => undefined,
  ) {
    this.sk = ts.SyntaxKind;
  }

  /** Evaluates every construction and call in a module, which is what records its units and API calls. */
  visit(mod: Mod): void {
    const env: Env = { mod, depth: 0 };
    const walk = (node: ts.Node): void => {
      if (this.ts.isNewExpression(node) || this.ts.isCallExpression(node)) this.eval(node, env);
      else if (this.ts.isBinaryExpression(node) && node.operatorToken.kind === this.sk.EqualsToken) this.tlsOverride(node, env);
      this.ts.forEachChild(node, walk);
    };
    walk(mod.sf);
  }

  /** `process.env.NODE_TLS_REJECT_UNAUTHORIZED = '0'` in a module of the Kafka code (catalog EH106). */
  private tlsOverride(b: ts.BinaryExpression, env: Env): void {
    const left = b.left.getText(env.mod.sf).replace(/\s+/g, '');
    if (!/^process\.env(\.NODE_TLS_REJECT_UNAUTHORIZED|\[['"`]NODE_TLS_REJECT_UNAUTHORIZED['"`]\])$/.test(left)) return;
    if (scalar(this.eval(b.right, env)) !== '0') return;
    this.api('node.tlsRejectUnauthorizedOff', 'node', this.loc(b, env.mod), 'NODE_TLS_REJECT_UNAUTHORIZED=0');
  }

  result(): ScriptFacts {
    const configs: ClientConfig[] = this.drafts.map((d) => {
      const inherited = d.parent ? d.parent.entries.filter((e) => d.inheritBootstrap || e.key !== 'bootstrap.servers') : [];
      return {
        id: d.id,
        library: d.library,
        roles: [...d.roles].sort(),
        anchor: d.anchor,
        closed: d.closed && (d.parent?.complete ?? true),
        entries: [...inherited, ...d.entries],
        ...(d.label ? { label: d.label } : {}),
        ...((d.package ?? d.parent?.package) ? { package: d.package ?? d.parent?.package } : {}),
      };
    });
    return { configs, apiCalls: this.calls };
  }

  // ------------------------------------------------------------------------------------------ locations

  private loc(node: ts.Node, mod: Mod, end: ts.Node = node): Location {
    return mod.index.firstLineRange(node.getStart(mod.sf), end.getEnd());
  }

  private text(node: ts.Node | undefined, mod: Mod): string {
    return node ? node.getText(mod.sf) : '';
  }

  // ------------------------------------------------------------------------------------------ scopes

  /** Declarations visible in one scope container, by name. */
  private scopeOf(node: ts.Node): Map<string, Decl> | undefined {
    const ts = this.ts;
    const cached = this.scopes.get(node);
    if (cached) return cached;
    let table: Map<string, Decl> | undefined;
    const add = (name: string, d: Decl) => {
      table ??= new Map();
      if (!table.has(name)) table.set(name, d);
    };
    const binding = (name: ts.BindingName, make: (p: string[]) => Decl, p: string[] = []) => {
      if (ts.isIdentifier(name)) {
        add(name.text, make(p));
        return;
      }
      if (ts.isObjectBindingPattern(name)) {
        for (const el of name.elements) {
          if (el.dotDotDotToken) continue;
          const prop = el.propertyName ? propName(ts, el.propertyName) : ts.isIdentifier(el.name) ? el.name.text : undefined;
          if (prop !== undefined) binding(el.name, make, [...p, prop]);
        }
      } else {
        name.elements.forEach((el, i) => {
          if (ts.isBindingElement(el) && !el.dotDotDotToken) binding(el.name, make, [...p, String(i)]);
        });
      }
    };
    const statements = (list: readonly ts.Statement[]) => {
      for (const s of list) {
        if (ts.isVariableStatement(s)) {
          const isConst = (s.declarationList.flags & ts.NodeFlags.Const) !== 0;
          for (const decl of s.declarationList.declarations) binding(decl.name, (p) => ({ k: 'var', decl, path: p, isConst }));
        } else if (ts.isFunctionDeclaration(s) && s.name) add(s.name.text, { k: 'function', node: s });
        else if (ts.isClassDeclaration(s) && s.name) add(s.name.text, { k: 'class', node: s });
        else if (ts.isEnumDeclaration(s)) add(s.name.text, { k: 'enum', node: s });
        else if (ts.isImportDeclaration(s) && ts.isStringLiteral(s.moduleSpecifier) && s.importClause) {
          const spec = s.moduleSpecifier.text;
          const c = s.importClause;
          if (c.name) add(c.name.text, { k: 'import', spec, name: 'default' });
          const b = c.namedBindings;
          if (b && ts.isNamespaceImport(b)) add(b.name.text, { k: 'import', spec, name: '*' });
          if (b && ts.isNamedImports(b)) for (const el of b.elements) add(el.name.text, { k: 'import', spec, name: (el.propertyName ?? el.name).text });
        } else if (ts.isImportEqualsDeclaration(s) && ts.isExternalModuleReference(s.moduleReference) && ts.isStringLiteral(s.moduleReference.expression)) {
          add(s.name.text, { k: 'import', spec: s.moduleReference.expression.text, name: '*' });
        }
      }
    };
    if (ts.isSourceFile(node) || ts.isBlock(node) || ts.isModuleBlock(node)) statements(node.statements);
    else if (ts.isCaseClause(node) || ts.isDefaultClause(node)) statements(node.statements);
    else if (ts.isFunctionLike(node)) {
      for (const param of node.parameters) binding(param.name, (p) => ({ k: 'param', param, path: p }));
      if ((ts.isFunctionExpression(node) || ts.isFunctionDeclaration(node)) && node.name) add(node.name.text, { k: 'function', node: node as ts.FunctionDeclaration });
    } else if ((ts.isForStatement(node) || ts.isForOfStatement(node) || ts.isForInStatement(node)) && node.initializer && ts.isVariableDeclarationList(node.initializer)) {
      for (const decl of node.initializer.declarations) binding(decl.name, (p) => ({ k: 'var', decl, path: p, isConst: false }));
    } else if (ts.isCatchClause(node) && node.variableDeclaration) {
      const decl = node.variableDeclaration;
      binding(decl.name, (p) => ({ k: 'var', decl, path: p, isConst: false }));
    }
    const result = table ?? new Map<string, Decl>();
    this.scopes.set(node, result);
    return result;
  }

  private lookup(id: ts.Identifier): Decl | undefined {
    for (let n: ts.Node | undefined = id.parent; n; n = n.parent) {
      const d = this.scopeOf(n)?.get(id.text);
      if (d) return d;
    }
    return undefined;
  }

  // ------------------------------------------------------------------------------------------ evaluation

  eval(node: ts.Node, env: Env): V {
    if (env.depth > MAX_DEPTH) return UNK;
    const memoize = !env.params;
    if (memoize) {
      const hit = this.memo.get(node);
      if (hit) return hit;
      if (this.busy.has(node)) return UNK;
      this.busy.add(node);
    }
    let v: V;
    try {
      v = this.compute(node, { ...env, depth: env.depth + 1 });
    } finally {
      if (memoize) this.busy.delete(node);
    }
    if (memoize) this.memo.set(node, v);
    return v;
  }

  private compute(node: ts.Node, env: Env): V {
    const ts = this.ts;
    const sk = this.sk;
    switch (node.kind) {
      case sk.StringLiteral:
      case sk.NoSubstitutionTemplateLiteral:
        return { k: 'str', v: (node as ts.StringLiteral).text };
      case sk.NumericLiteral:
        return { k: 'num', v: Number((node as ts.NumericLiteral).text.replace(/_/g, '')) };
      case sk.TrueKeyword:
        return { k: 'bool', v: true };
      case sk.FalseKeyword:
        return { k: 'bool', v: false };
      case sk.NullKeyword:
        return NIL;
      case sk.ParenthesizedExpression:
      case sk.AsExpression:
      case sk.SatisfiesExpression:
      case sk.NonNullExpression:
      case sk.TypeAssertionExpression:
      case sk.AwaitExpression:
        return this.eval((node as ts.ParenthesizedExpression).expression, env);
      case sk.TemplateExpression: {
        const t = node as ts.TemplateExpression;
        let out = t.head.text;
        let d = false;
        let partial = false;
        for (const span of t.templateSpans) {
          const part = this.eval(span.expression, env);
          const s = scalar(part);
          if (s === undefined) partial = true;
          d ||= Boolean((part as { d?: boolean }).d);
          out += (s ?? (part.k === 'tpl' ? part.v : '${…}')) + span.literal.text;
        }
        if (partial) return out.replace(/\$\{…\}/g, '').length > 0 ? { k: 'tpl', v: out } : UNK;
        return d ? { k: 'str', v: out, d } : { k: 'str', v: out };
      }
      case sk.PrefixUnaryExpression: {
        const p = node as ts.PrefixUnaryExpression;
        const inner = this.eval(p.operand, env);
        if (p.operator === sk.MinusToken && inner.k === 'num') return { ...inner, v: -inner.v };
        if (p.operator === sk.PlusToken) return toNumber(inner);
        if (p.operator === sk.ExclamationToken) {
          const t = truthy(inner);
          return t === undefined ? UNK : { k: 'bool', v: !t };
        }
        return UNK;
      }
      case sk.BinaryExpression:
        return this.binary(node as ts.BinaryExpression, env);
      case sk.ConditionalExpression: {
        const c = node as ts.ConditionalExpression;
        const cond = truthy(this.eval(c.condition, env));
        if (cond !== undefined) return this.eval(cond ? c.whenTrue : c.whenFalse, env);
        // A literal branch next to an unknown one is the fallback (catalog §2.4: cond ? X : LIT).
        const a = this.eval(c.whenTrue, env);
        const b = this.eval(c.whenFalse, env);
        const sa = scalar(a);
        const sb = scalar(b);
        if (sa !== undefined && sb !== undefined) return sa === sb ? a : UNK;
        if (sa !== undefined && b.k === 'unk') return withDefault(a);
        if (sb !== undefined && a.k === 'unk') return withDefault(b);
        return UNK;
      }
      case sk.ObjectLiteralExpression:
        return this.object(node as ts.ObjectLiteralExpression, env);
      case sk.ArrayLiteralExpression: {
        const items: V[] = [];
        const nodes: Array<ts.Node | undefined> = [];
        let open = false;
        for (const el of (node as ts.ArrayLiteralExpression).elements) {
          if (ts.isSpreadElement(el)) {
            const inner = this.eval(el.expression, env);
            if (inner.k === 'arr') {
              items.push(...inner.items);
              nodes.push(...inner.nodes);
              open ||= inner.open;
            } else open = true;
          } else {
            items.push(this.eval(el, env));
            nodes.push(el);
          }
        }
        return { k: 'arr', items, nodes, open };
      }
      case sk.Identifier:
        return this.identifier(node as ts.Identifier, env);
      case sk.PropertyAccessExpression: {
        const p = node as ts.PropertyAccessExpression;
        if (p.expression.kind === sk.ThisKeyword) return this.thisMember(p, env);
        if (ts.isIdentifier(p.expression) && p.expression.text === 'process' && p.name.text === 'env' && !this.lookup(p.expression)) return { k: 'env' };
        return this.member(this.eval(p.expression, env), p.name.text);
      }
      case sk.ElementAccessExpression: {
        const e = node as ts.ElementAccessExpression;
        const key = scalar(this.eval(e.argumentExpression, env));
        return key === undefined ? UNK : this.member(this.eval(e.expression, env), key);
      }
      case sk.CallExpression:
      case sk.NewExpression: {
        const made = this.made.get(node);
        if (made) return made;
        return ts.isNewExpression(node) ? this.construct(node, env) : this.call(node as ts.CallExpression, env);
      }
      case sk.ArrowFunction:
      case sk.FunctionExpression:
        return { k: 'fn', node: node as ts.SignatureDeclaration, mod: env.mod };
      default:
        return UNK;
    }
  }

  private binary(b: ts.BinaryExpression, env: Env): V {
    const sk = this.sk;
    const op = b.operatorToken.kind;
    if (op === sk.BarBarToken || op === sk.QuestionQuestionToken) {
      const left = this.eval(b.left, env);
      if (left.k === 'unk' || left.k === 'env') {
        const right = this.eval(b.right, env);
        return scalar(right) !== undefined ? withDefault(right) : UNK;
      }
      const t = op === sk.BarBarToken ? truthy(left) : left.k !== 'nil';
      if (t === undefined) return UNK;
      return t ? left : this.eval(b.right, env);
    }
    if (op === sk.AmpersandAmpersandToken) {
      const left = this.eval(b.left, env);
      const t = truthy(left);
      return t === undefined ? UNK : t ? this.eval(b.right, env) : left;
    }
    const l = this.eval(b.left, env);
    const r = this.eval(b.right, env);
    const d = Boolean((l as { d?: boolean }).d || (r as { d?: boolean }).d);
    const mark = <T extends V>(v: T): V => (d ? ({ ...v, d: true } as V) : v);
    if (op === sk.PlusToken) {
      if (l.k === 'num' && r.k === 'num') return mark({ k: 'num', v: l.v + r.v });
      const ls = scalar(l);
      const rs = scalar(r);
      if ((l.k === 'str' || r.k === 'str') && ls !== undefined && rs !== undefined) return mark({ k: 'str', v: ls + rs });
      if (l.k === 'str' || r.k === 'str' || l.k === 'tpl' || r.k === 'tpl') {
        const part = (x: V) => scalar(x) ?? (x.k === 'tpl' ? x.v : '${…}');
        return { k: 'tpl', v: part(l) + part(r) };
      }
      return UNK;
    }
    const ln = toNumber(l);
    const rn = toNumber(r);
    if (ln.k !== 'num' || rn.k !== 'num') return UNK;
    switch (op) {
      case sk.AsteriskToken:
        return mark({ k: 'num', v: ln.v * rn.v });
      case sk.MinusToken:
        return mark({ k: 'num', v: ln.v - rn.v });
      case sk.SlashToken:
        return rn.v === 0 ? UNK : mark({ k: 'num', v: ln.v / rn.v });
      case sk.AsteriskAsteriskToken:
        return mark({ k: 'num', v: ln.v ** rn.v });
      default:
        return UNK;
    }
  }

  private object(o: ts.ObjectLiteralExpression, env: Env): V {
    const ts = this.ts;
    const props = new Map<string, Prop>();
    let open = false;
    for (const p of o.properties) {
      if (ts.isSpreadAssignment(p)) {
        const inner = this.eval(p.expression, env);
        if (inner.k === 'obj') {
          for (const [k, v] of inner.props) props.set(k, v);
          open ||= inner.open;
        } else if (inner.k !== 'nil') open = true;
        continue;
      }
      if (ts.isShorthandPropertyAssignment(p)) {
        props.set(p.name.text, { v: this.eval(p.name, env), key: p.name, value: p.name, mod: env.mod });
        continue;
      }
      if (!p.name) continue;
      let key: string | undefined;
      if (ts.isComputedPropertyName(p.name)) key = scalar(this.eval(p.name.expression, env));
      else key = propName(ts, p.name);
      if (key === undefined) {
        open = true;
        continue;
      }
      if (ts.isPropertyAssignment(p)) props.set(key, { v: this.eval(p.initializer, env), key: p.name, value: p.initializer, mod: env.mod });
      else if (ts.isMethodDeclaration(p)) props.set(key, { v: { k: 'fn', node: p, mod: env.mod }, key: p.name, value: p, mod: env.mod });
      else props.set(key, { v: UNK, key: p.name, value: p, mod: env.mod });
    }
    return { k: 'obj', props, open };
  }

  private member(target: V, name: string): V {
    switch (target.k) {
      case 'obj': {
        const p = target.props.get(name);
        return p ? p.v : target.open ? UNK : NIL;
      }
      case 'arr':
        return /^\d+$/.test(name) ? (target.items[Number(name)] ?? (target.open ? UNK : NIL)) : UNK;
      case 'lib':
        if (target.pkg === '@confluentinc/kafka-javascript' && target.path.length === 0 && name === 'KafkaJS') return { k: 'lib', pkg: target.pkg, fam: 'cfkjs', path: [] };
        return { ...target, path: [...target.path, name] };
      case 'mod':
        return this.exported(target.mod, name);
      case 'enum':
        return this.enumMember(target.node, name, target.mod);
      case 'env':
        return UNK;
      default:
        return UNK;
    }
  }

  private enumMember(e: ts.EnumDeclaration, name: string, mod: Mod): V {
    let next = 0;
    for (const m of e.members) {
      const mName = propName(this.ts, m.name);
      let v: V = { k: 'num', v: next };
      if (m.initializer) v = this.eval(m.initializer, { mod, depth: 0 });
      if (v.k === 'num') next = v.v + 1;
      if (mName === name) return v;
    }
    return UNK;
  }

  private identifier(id: ts.Identifier, env: Env): V {
    if (id.text === 'undefined') return NIL;
    const decl = this.lookup(id);
    if (!decl) return UNK;
    switch (decl.k) {
      case 'var': {
        let init: ts.Expression | undefined = decl.decl.initializer;
        if (!decl.isConst && env.mod.reassigned.has(id.text)) {
          // A `let` set once later (`let Kafka; try { Kafka = require('kafkajs').Kafka } catch {}`, or a lazily
          // created singleton that starts as null) has that one value; set more than once, it is unknown.
          const sets = (env.mod.assignments.get(id.text) ?? []).filter((a) => this.ts.isIdentifier(a.left) && this.lookup(a.left) === decl);
          const initial = init === undefined || init.kind === this.sk.NullKeyword || (this.ts.isIdentifier(init) && init.text === 'undefined');
          if (!initial || sets.length !== 1 || decl.path.length > 0) return UNK;
          init = sets[0]!.right;
        }
        if (!init) return UNK;
        let v = this.eval(init, { mod: env.mod, depth: env.depth, ...(env.params ? { params: env.params } : {}) });
        for (const p of decl.path) v = this.member(v, p);
        const changes = decl.path.length === 0 ? env.mod.mutations.get(id.text) : undefined;
        return changes && v.k === 'obj' ? this.mutated(v, changes, env) : v;
      }
      case 'param': {
        const bound = env.params?.get(decl.param);
        if (bound) {
          let v = bound;
          for (const p of decl.path) v = this.member(v, p);
          return v;
        }
        if (decl.path.length === 0 && decl.param.type) return this.typed(decl.param.type, env);
        return UNK;
      }
      case 'import':
        return this.imported(decl.spec, decl.name, env.mod);
      case 'function':
        return { k: 'fn', node: decl.node, mod: env.mod };
      case 'enum':
        return { k: 'enum', node: decl.node, mod: env.mod };
      default:
        return UNK;
    }
  }

  /** An object a const holds, changed later by `x.key = v` or `Object.assign(x, …)`: the changes count, and it is open. */
  private mutated(v: Extract<V, { k: 'obj' }>, changes: ts.Node[], env: Env): V {
    const ts = this.ts;
    const props = new Map(v.props);
    for (const c of changes) {
      if (ts.isBinaryExpression(c) && ts.isPropertyAccessExpression(c.left)) {
        props.set(c.left.name.text, { v: this.eval(c.right, { mod: env.mod, depth: env.depth }), key: c.left.name, value: c.right, mod: env.mod });
      } else if (ts.isBinaryExpression(c) && ts.isElementAccessExpression(c.left)) {
        const key = scalar(this.eval(c.left.argumentExpression, { mod: env.mod, depth: env.depth }));
        if (key !== undefined) props.set(key, { v: this.eval(c.right, { mod: env.mod, depth: env.depth }), key: c.left.argumentExpression, value: c.right, mod: env.mod });
      }
    }
    return { k: 'obj', props, open: true };
  }

  /** A Kafka handle from a TypeScript type annotation (`producer: Producer`, `admin: Admin`). */
  private typed(type: ts.TypeNode, env: Env): V {
    const ts = this.ts;
    if (!ts.isTypeReferenceNode(type)) return UNK;
    let lib: V;
    if (ts.isIdentifier(type.typeName)) lib = this.identifier(type.typeName, { mod: env.mod, depth: env.depth });
    else {
      const left = type.typeName.left;
      lib = ts.isIdentifier(left) ? this.member(this.identifier(left, { mod: env.mod, depth: env.depth }), type.typeName.right.text) : UNK;
    }
    if (lib.k !== 'lib') return UNK;
    const kind = NODE_TYPES[`${lib.fam}:${lib.path.join('.')}`];
    return kind ? { k: 'handle', h: { kind, fam: lib.fam } } : UNK;
  }

  private imported(spec: string, name: string, from: Mod): V {
    const pkg = packageOf(spec);
    if (pkg) {
      const root: V = { k: 'lib', pkg, fam: NODE_PACKAGES[pkg]!, path: [] };
      return name === '*' || name === 'default' ? root : this.member(root, name);
    }
    if (!spec.startsWith('.')) return UNK;
    const own = this.ownPackage(from.path, spec);
    if (own) return this.imported(own, name, from);
    const mod = this.load(from.path, spec);
    if (!mod) return UNK;
    return name === '*' ? { k: 'mod', mod } : this.exported(mod, name);
  }

  /** An export of a module: ESM declarations, `export { a as b }`, re-exports, `export default`, CommonJS assignments. */
  private exported(mod: Mod, name: string, seen = new Set<string>()): V {
    const ts = this.ts;
    const key = `${mod.path}\0${name}`;
    if (seen.has(key)) return UNK;
    seen.add(key);
    const env: Env = { mod, depth: 0 };
    for (const s of mod.sf.statements) {
      const exportedDecl = ts.canHaveModifiers(s) && ts.getModifiers(s)?.some((m) => m.kind === this.sk.ExportKeyword);
      const isDefault = ts.canHaveModifiers(s) && ts.getModifiers(s)?.some((m) => m.kind === this.sk.DefaultKeyword);
      if (exportedDecl) {
        if (ts.isVariableStatement(s)) {
          for (const d of s.declarationList.declarations) if (ts.isIdentifier(d.name) && d.name.text === name) return this.identifier(d.name, env);
        } else if ((ts.isFunctionDeclaration(s) || ts.isClassDeclaration(s)) && ((isDefault && name === 'default') || s.name?.text === name)) {
          return ts.isFunctionDeclaration(s) ? { k: 'fn', node: s, mod } : UNK;
        } else if (ts.isEnumDeclaration(s) && s.name.text === name) return { k: 'enum', node: s, mod };
      }
      if (ts.isExportAssignment(s) && name === 'default' && !s.isExportEquals) return this.eval(s.expression, env);
      if (ts.isExportAssignment(s) && s.isExportEquals) return this.member(this.eval(s.expression, env), name);
      if (ts.isExportDeclaration(s)) {
        const spec = s.moduleSpecifier && ts.isStringLiteral(s.moduleSpecifier) ? s.moduleSpecifier.text : undefined;
        if (s.exportClause && ts.isNamedExports(s.exportClause)) {
          for (const el of s.exportClause.elements) {
            if (el.name.text !== name) continue;
            const ref = el.propertyName ?? el.name;
            if (spec) return this.imported(spec, ref.text, mod);
            return ts.isIdentifier(ref) ? this.identifier(ref, env) : UNK;
          }
        } else if (!s.exportClause && spec?.startsWith('.')) {
          const target = this.load(mod.path, spec);
          if (target) {
            const v = this.exported(target, name, seen);
            if (v.k !== 'unk') return v;
          }
        }
      }
    }
    // CommonJS: module.exports = {...} / module.exports.x = / exports.x =
    for (const s of mod.sf.statements) {
      if (!ts.isExpressionStatement(s) || !ts.isBinaryExpression(s.expression) || s.expression.operatorToken.kind !== this.sk.EqualsToken) continue;
      const left = s.expression.left;
      const text = left.getText(mod.sf).replace(/\s+/g, '');
      if (text === 'module.exports') {
        const whole = this.eval(s.expression.right, env);
        return name === 'default' ? whole : this.member(whole, name);
      }
      if (text === `module.exports.${name}` || text === `exports.${name}`) return this.eval(s.expression.right, env);
    }
    return UNK;
  }

  /** `this.x` inside a class: its initializer, or its one assignment in the class, or its declared Kafka type. */
  private thisMember(p: ts.PropertyAccessExpression, env: Env): V {
    const ts = this.ts;
    let cls: ts.Node | undefined = p.parent;
    while (cls && !ts.isClassLike(cls)) {
      if (ts.isFunctionDeclaration(cls) || ts.isFunctionExpression(cls)) return UNK;
      cls = cls.parent;
    }
    if (!cls || !ts.isClassLike(cls)) return UNK;
    const name = p.name.text;
    const assigned: ts.Expression[] = [];
    let declared: ts.PropertyDeclaration | undefined;
    for (const m of cls.members) {
      if (ts.isPropertyDeclaration(m) && propName(ts, m.name) === name) {
        declared = m;
        if (m.initializer) assigned.push(m.initializer);
      }
    }
    const find = (n: ts.Node): void => {
      if (ts.isBinaryExpression(n) && n.operatorToken.kind === this.sk.EqualsToken && ts.isPropertyAccessExpression(n.left) && n.left.expression.kind === this.sk.ThisKeyword && n.left.name.text === name) assigned.push(n.right);
      if (!ts.isClassLike(n)) ts.forEachChild(n, find);
    };
    for (const m of cls.members) ts.forEachChild(m, find);
    // `this.admin = null` in a constructor or a disconnect() only says "not yet" or "no more".
    const values = assigned.filter((e) => e.kind !== this.sk.NullKeyword && !(ts.isIdentifier(e) && e.text === 'undefined'));
    if (values.length === 1) return this.eval(values[0]!, { mod: env.mod, depth: env.depth });
    if (declared?.type) return this.typed(declared.type, env);
    // Constructor parameter properties (`constructor(private readonly producer: Producer)`).
    for (const m of cls.members) {
      if (!ts.isConstructorDeclaration(m)) continue;
      for (const param of m.parameters) {
        if (ts.isIdentifier(param.name) && param.name.text === name && param.type && ts.getModifiers(param)?.length) return this.typed(param.type, env);
      }
    }
    return UNK;
  }

  // ------------------------------------------------------------------------------------------ calls

  private call(c: ts.CallExpression, env: Env): V {
    const ts = this.ts;
    const callee = c.expression;
    // require('x')
    if (ts.isIdentifier(callee) && callee.text === 'require' && !this.lookup(callee) && c.arguments[0] && ts.isStringLiteralLike(c.arguments[0])) {
      return this.imported(c.arguments[0].text, '*', env.mod);
    }
    // `await import('kafkajs')`
    if (callee.kind === this.sk.ImportKeyword && c.arguments[0] && ts.isStringLiteralLike(c.arguments[0])) return this.imported(c.arguments[0].text, '*', env.mod);
    if (ts.isIdentifier(callee) && !this.lookup(callee)) return this.builtin(callee.text, c, env);
    if (ts.isPropertyAccessExpression(callee)) {
      const name = callee.name.text;
      if (ts.isIdentifier(callee.expression) && !this.lookup(callee.expression)) {
        const g = callee.expression.text;
        if (g === 'Object' && name === 'assign') return this.assign(c, env);
        if (g === 'Number' || g === 'Math' || g === 'JSON' || g === 'String') return this.builtin(`${g}.${name}`, c, env);
      }
      const target = this.eval(callee.expression, env);
      if (target.k === 'str' || target.k === 'arr') return this.stringMethod(target, name, c, env);
      if (target.k === 'handle') {
        const v = this.handleCall(target.h, name, c, env);
        this.made.set(c, v);
        return v;
      }
      if (target.k === 'lib') {
        const v = this.libCall(target, name, c, env);
        if (v.k === 'handle') this.made.set(c, v);
        return v;
      }
      if (target.k === 'env' && name === 'getOrDefault') return UNK;
      const fn = this.member(target, name);
      if (fn.k === 'fn') return this.invoke(fn, c, env);
      return UNK;
    }
    const fn = this.eval(callee, env);
    if (fn.k === 'fn') return this.invoke(fn, c, env);
    return UNK;
  }

  private builtin(name: string, c: ts.CallExpression, env: Env): V {
    const arg = c.arguments[0] ? this.eval(c.arguments[0], env) : UNK;
    switch (name) {
      case 'Number':
      case 'parseInt':
      case 'parseFloat':
      case 'Number.parseInt':
      case 'Number.parseFloat':
        return toNumber(arg);
      case 'String':
        return scalar(arg) === undefined ? UNK : { k: 'str', v: scalar(arg)!, ...((arg as { d?: boolean }).d ? { d: true } : {}) };
      case 'Boolean': {
        const t = truthy(arg);
        return t === undefined ? UNK : { k: 'bool', v: t };
      }
      default:
        return UNK;
    }
  }

  private stringMethod(target: Extract<V, { k: 'str' } | { k: 'arr' }>, name: string, c: ts.CallExpression, env: Env): V {
    const d = (target as { d?: boolean }).d ? { d: true } : {};
    if (target.k === 'str') {
      if (name === 'split') {
        const sep = c.arguments[0] ? scalar(this.eval(c.arguments[0], env)) : undefined;
        if (sep === undefined) return UNK;
        const items: V[] = target.v.split(sep).map((s) => ({ k: 'str', v: s, ...d }));
        return { k: 'arr', items, nodes: items.map(() => undefined), open: false };
      }
      if (name === 'trim' || name === 'toString') return target;
      if (name === 'toLowerCase') return { ...target, v: target.v.toLowerCase() };
      if (name === 'toUpperCase') return { ...target, v: target.v.toUpperCase() };
      return UNK;
    }
    if (name === 'map' || name === 'filter') return target.open ? UNK : target; // host lists: trim/filter keep the values
    if (name === 'join') {
      const sep = c.arguments[0] ? scalar(this.eval(c.arguments[0], env)) : ',';
      const parts = target.items.map(scalar);
      if (sep === undefined || target.open || parts.some((p) => p === undefined)) return UNK;
      return { k: 'str', v: parts.join(sep) };
    }
    return UNK;
  }

  private assign(c: ts.CallExpression, env: Env): V {
    const props = new Map<string, Prop>();
    let open = false;
    for (const a of c.arguments) {
      const v = this.eval(a, env);
      if (v.k === 'obj') {
        for (const [k, p] of v.props) props.set(k, p);
        open ||= v.open;
      } else if (v.k !== 'nil') open = true;
    }
    return { k: 'obj', props, open };
  }

  /** A project helper: its single returned expression, with the call's arguments bound to its parameters. */
  private invoke(fn: Extract<V, { k: 'fn' }>, c: ts.CallExpression, env: Env): V {
    const ts = this.ts;
    const node = fn.node;
    if (!('body' in node) || !node.body) return UNK;
    let result: ts.Expression | undefined;
    // A helper whose body cannot be followed may still declare that it returns a Kafka client (`(): Producer`).
    const declared = (): V => (node.type ? this.typed(node.type, { mod: fn.mod, depth: env.depth }) : UNK);
    if (ts.isBlock(node.body as ts.Node)) {
      const returns = (node.body as ts.Block).statements.filter(ts.isReturnStatement);
      if (returns.length !== 1) return declared();
      result = returns[0]!.expression;
    } else result = node.body as ts.Expression;
    if (!result) return declared();
    const params = new Map(env.params ?? []);
    node.parameters.forEach((p, i) => {
      const a = c.arguments[i];
      params.set(p, a ? this.eval(a, env) : p.initializer ? this.eval(p.initializer, { mod: fn.mod, depth: env.depth }) : NIL);
    });
    const v = this.eval(result, { mod: fn.mod, params, depth: env.depth + 1 });
    return v.k === 'unk' ? declared() : v;
  }

  private construct(n: ts.NewExpression, env: Env): V {
    const callee = this.eval(n.expression, env);
    if (callee.k !== 'lib') return UNK;
    const exportPath = callee.path.join('.');
    const args = (n.arguments ?? []).map((a) => this.eval(a, env));
    const at = this.loc(n, env.mod, n.expression);
    const spelling = `new ${exportPath.split('.').at(-1)}(…)`;
    if (callee.fam === 'schema-registry' && SCHEMA_REGISTRY_CLASSES.has(exportPath)) {
      this.api('schemaRegistry.client', callee.pkg, at, spelling);
      return UNK;
    }
    const ctor = NODE_CONSTRUCTORS[`${callee.fam}:${exportPath}`];
    if (!ctor) return UNK;
    const v = this.client(ctor, callee, args, at, n, env);
    if (v.k === 'handle' && v.h.unit) v.h.unit.package = callee.pkg;
    this.made.set(n, v);
    return v;
  }

  private client(ctor: (typeof NODE_CONSTRUCTORS)[string], callee: Extract<V, { k: 'lib' }>, args: V[], at: Location, n: ts.NewExpression, env: Env): V {
    if (ctor.kind === 'kafka') {
      const draft = this.kafkaDraft(args[0] ?? NIL, callee.fam, at, n, env);
      return { k: 'handle', h: { kind: 'kafka', fam: callee.fam, unit: draft } };
    }
    if (ctor.kind === 'client') {
      const draft = this.kafkaNodeDraft(args[0] ?? NIL, at, n, env.mod);
      return { k: 'handle', h: { kind: 'client', fam: 'kafka-node', unit: draft } };
    }
    const draft = this.rdkafkaDraft(ctor.role!, args[0] ?? NIL, args[1], at, n, env.mod);
    return { k: 'handle', h: { kind: ctor.kind, fam: callee.fam, unit: draft } };
  }

  private libCall(lib: Extract<V, { k: 'lib' }>, name: string, c: ts.CallExpression, env: Env): V {
    const role = RDKAFKA_FACTORIES[[...lib.path, name].join('.')];
    if (lib.fam !== 'rdkafka' || !role) return UNK;
    const args = c.arguments.map((a) => this.eval(a, env));
    const draft = this.rdkafkaDraft(role, args[0] ?? NIL, role === 'admin' ? undefined : args[1], this.loc(c, env.mod, c.expression), c, env.mod);
    draft.package = lib.pkg;
    return { k: 'handle', h: { kind: role as HandleKind, fam: 'rdkafka', unit: draft } };
  }

  private handleCall(h: Handle, name: string, c: ts.CallExpression, env: Env): V {
    const callee = c.expression as ts.PropertyAccessExpression;
    const at = this.loc(callee.name, env.mod, c);
    const args = c.arguments;
    const library = h.fam === 'kafkajs' ? 'kafkajs' : h.fam === 'kafka-node' ? 'kafka-node' : 'librdkafka';
    if (h.kind === 'kafka' && (name === 'producer' || name === 'consumer' || name === 'admin')) {
      const role: Role = name;
      const opts = args[0] ? this.eval(args[0], env) : NIL;
      const draft = this.clientDraft(h, role, opts, this.loc(c, env.mod, callee), c, env);
      return { k: 'handle', h: { kind: role, fam: h.fam, ...(draft ? { unit: draft } : {}) } };
    }
    if (h.kind === 'producer' && (h.fam === 'kafkajs' || h.fam === 'cfkjs')) {
      if (name === 'transaction') {
        this.api('producer.transaction', library, at, 'transaction()');
        return { k: 'handle', h: { kind: 'transaction', fam: h.fam } };
      }
      if ((name === 'send' || name === 'sendBatch') && args[0] && h.fam === 'kafkajs') this.sendDraft(args[0], at, c, env, `${name}()`);
    }
    if (h.kind === 'transaction' && TRANSACTION_CALLS.has(name)) {
      this.api(`transaction.${name}`, library, at, `${name}()`);
      if ((name === 'send' || name === 'sendBatch') && args[0] && h.fam === 'kafkajs') this.sendDraft(args[0], at, c, env, `${name}()`);
    }
    if (h.kind === 'consumer' && (h.fam === 'kafkajs' || h.fam === 'cfkjs')) {
      if (name === 'run' && args[0]) {
        const opts = this.eval(args[0], env);
        const threshold = opts.k === 'obj' ? opts.props.get('autoCommitThreshold') : undefined;
        if (threshold && threshold.v.k === 'num' && threshold.v.v === 1) this.api('consumer.commitPerRecord', library, this.loc(threshold.key, env.mod, threshold.value), 'autoCommitThreshold: 1');
      }
      if (name === 'commitOffsets' && this.insideEachMessage(c)) this.api('consumer.commitPerRecord', library, at, 'commitOffsets() in eachMessage');
    }
    if (h.kind === 'admin') {
      const api = NODE_ADMIN_CALLS[name];
      if (api) {
        this.api(api, library, at, `${name}()`);
        if (args[0]) this.adminTopics(name, args, h, at, env);
      }
    }
    return UNK;
  }

  /** A commit run for every message: inside `eachMessage` and not under a condition (`if (++n % 100 === 0)`). */
  private insideEachMessage(c: ts.Node): boolean {
    const ts = this.ts;
    for (let n: ts.Node | undefined = c.parent; n; n = n.parent) {
      if ((ts.isPropertyAssignment(n) || ts.isMethodDeclaration(n)) && n.name && propName(ts, n.name) === 'eachMessage') return true;
      if (ts.isIfStatement(n) || ts.isConditionalExpression(n) || ts.isSwitchStatement(n) || ts.isSourceFile(n)) return false;
    }
    return false;
  }

  // ------------------------------------------------------------------------------------------ units

  private newDraft(node: ts.Node, mod: Mod, library: Library, roles: Role[], anchor: Location, closed: boolean, label?: string): Draft {
    const draft: Draft = {
      id: `${mod.path}#node:${anchor.line}:${anchor.column}:${node.getStart(mod.sf)}`,
      library,
      roles,
      anchor,
      entries: [],
      closed,
      complete: closed,
      inheritBootstrap: true,
      ...(label ? { label } : {}),
    };
    this.drafts.push(draft);
    return draft;
  }

  private kafkaDraft(config: V, fam: Family, at: Location, node: ts.Node, env: Env): Draft {
    const library: Library = fam === 'kafkajs' ? 'kafkajs' : 'librdkafka';
    // `new Kafka()` without an argument configures nothing: complete, and its clients say the rest.
    const draft = this.newDraft(node, env.mod, library, [], at, config.k === 'nil' || (config.k === 'obj' && !config.open));
    // The KafkaJS-compatible API's Kafka object is not a librdkafka handle: its producer()/consumer()/admin() are
    // (catalog §2.3), so absence is judged there, with these settings merged in.
    if (fam !== 'kafkajs') draft.closed = false;
    if (config.k !== 'obj') return draft;
    if (fam === 'kafkajs') this.kafkajsClient(config, draft, 'common');
    else {
      // KafkaJS-compatible API: kafkaJS-style options in `kafkaJS`, raw librdkafka keys beside it.
      const block = config.props.get('kafkaJS');
      if (block?.v.k === 'obj') {
        this.kafkajsClient(block.v, draft, 'common');
        draft.complete &&= !block.v.open;
      } else if (block) draft.complete = false;
      this.rawEntries(config, draft, 'common', new Set(['kafkaJS']));
    }
    return draft;
  }

  /** `brokers`, `ssl`, `sasl`, timeouts of a kafkajs-style client object. */
  private kafkajsClient(o: Extract<V, { k: 'obj' }>, draft: Draft, scope: Scope): void {
    this.options(o, KAFKAJS_CLIENT_OPTIONS, draft, scope);
    this.transport(o, draft, scope, 'ssl', 'sasl');
  }

  /**
   * kafkajs has no security.protocol: it is `ssl` plus `sasl`. The derived entry sits on the option that decides it,
   * so the protocol rules judge it like any other client's.
   */
  private transport(o: Extract<V, { k: 'obj' }>, draft: Draft, scope: Scope, sslName: string, saslName: string, altSsl?: string): void {
    const ssl = o.props.get(sslName) ?? (altSsl ? o.props.get(altSsl) : undefined);
    const sasl = o.props.get(saslName);
    const sslOn = ssl ? truthy(ssl.v) : false;
    const saslOn = sasl ? truthy(sasl.v) : false;
    if (ssl?.v.k === 'obj') this.options(ssl.v, KAFKAJS_SSL_OPTIONS, draft, scope, `${this.keyText(ssl)}.`);
    if (sasl?.v.k === 'obj') this.options(sasl.v, KAFKAJS_SASL_OPTIONS, draft, scope, `${this.keyText(sasl)}.`);
    if (!ssl && !sasl) return;
    const decider = sslOn === false && sasl ? sasl : (ssl ?? sasl)!;
    let value: string | undefined;
    let derived: string;
    if (sslOn === undefined || saslOn === undefined) {
      value = undefined;
      derived = `${sslName} and ${saslName}`;
    } else if (sslOn && saslOn) {
      value = 'SASL_SSL';
      derived = `${this.keyText(ssl!)} with ${saslName}`;
    } else if (sslOn) {
      value = 'SSL';
      derived = `${this.keyText(ssl!)} without ${saslName}`;
    } else if (saslOn) {
      value = 'SASL_PLAINTEXT';
      derived = `${saslName} without ${sslName}`;
    } else return;
    draft.entries.push({
      key: 'security.protocol',
      spelling: this.keyText(decider),
      raw: this.text(decider.value, decider.mod),
      value,
      derived,
      scope,
      location: this.loc(decider.key, decider.mod),
    });
  }

  private keyText(p: Prop): string {
    return this.ts.isIdentifier(p.key) || this.ts.isPrivateIdentifier(p.key) ? p.key.text : (propName(this.ts, p.key as ts.PropertyName) ?? this.text(p.key, p.mod));
  }

  /** Entries for the options of `o` that `table` knows; nested tables are written `retry.retries`. */
  private options(o: Extract<V, { k: 'obj' }>, table: Readonly<Record<string, OptionKey>>, draft: Draft, scope: Scope, prefix = '', nested = ''): void {
    for (const [name, p] of o.props) {
      const full = nested ? `${nested}.${name}` : name;
      const option = Object.prototype.hasOwnProperty.call(table, full) ? table[full] : undefined;
      if (option) {
        draft.entries.push(this.entry(p, option, `${prefix}${full}`, scope));
        continue;
      }
      if (p.v.k === 'obj' && Object.keys(table).some((k) => k.startsWith(`${full}.`))) this.options(p.v, table, draft, scope, prefix, full);
    }
  }

  private entry(p: Prop, option: OptionKey, spelling: string, scope: Scope): ConfigEntry {
    const raw = this.text(p.value, p.mod);
    let value = option.convert === 'list' ? listText(p.v) : scalar(p.v);
    let display: string | undefined;
    if (value !== undefined) {
      if (option.convert === 'mechanism') {
        display = value;
        value = kafkaMechanism(value);
      } else if (option.convert === 'isolation') value = value === 'true' ? 'read_uncommitted' : 'read_committed';
      else if (option.convert === 'compression') {
        const named = p.v.k === 'num' ? compressionCode(p.v.v) : value.toLowerCase();
        display = raw;
        value = named;
      }
    } else if (option.convert === 'compression' && p.v.k === 'lib' && p.v.path.length === 2 && p.v.path[0] === 'CompressionTypes') {
      // CompressionTypes.LZ4 from the library (under any local name): the member name says it.
      value = compressionName(p.v.path[1]!);
      display = raw;
    }
    const e: ConfigEntry = { key: option.key, spelling, raw, value, scope, location: this.loc(p.key, p.mod) };
    if (display !== undefined && display !== value) e.display = display;
    if (isDefault(p.v)) e.fromDefault = true;
    if (value === undefined && p.v.k === 'tpl') e.template = p.v.v;
    return e;
  }

  /** librdkafka-style keys (`'bootstrap.servers'`, `'socket.keepalive.enable'`) as written. */
  private rawEntries(o: Extract<V, { k: 'obj' }>, draft: Draft, scope: Scope, skip: ReadonlySet<string> = new Set()): void {
    for (const [name, p] of o.props) {
      if (skip.has(name) || !/^[a-z][a-z0-9_.-]*$/.test(name) || (!name.includes('.') && name !== 'acks' && name !== 'retries' && name !== 'debug')) continue;
      const raw = this.text(p.value, p.mod);
      const value = name === 'bootstrap.servers' || name === 'metadata.broker.list' ? listText(p.v) : scalar(p.v);
      const e: ConfigEntry = { key: canonicalKey(name), spelling: name, raw, value, scope, location: this.loc(p.key, p.mod) };
      if (isDefault(p.v)) e.fromDefault = true;
      draft.entries.push(e);
    }
  }

  /** `kafka.producer/consumer/admin(...)`: kafkajs clients are units of their own; KafkaJS-API ones are librdkafka handles. */
  private clientDraft(h: Handle, role: Role, opts: V, at: Location, node: ts.Node, env: Env): Draft | undefined {
    const parent = h.unit;
    // kafkajs admins run with metadataMaxAge 0 and have no option a rule judges (catalog §2.3).
    if (h.fam === 'kafkajs' && role === 'admin') return undefined;
    const library: Library = h.fam === 'kafkajs' ? 'kafkajs' : 'librdkafka';
    const closed = opts.k === 'nil' || (opts.k === 'obj' && !opts.open);
    const draft = this.newDraft(node, env.mod, library, [role], at, closed);
    if (parent) draft.parent = parent;
    else draft.closed = false;
    draft.inheritBootstrap = h.fam !== 'kafkajs';
    if (opts.k !== 'obj') return draft;
    const table = role === 'producer' ? KAFKAJS_PRODUCER_OPTIONS : role === 'consumer' ? KAFKAJS_CONSUMER_OPTIONS : {};
    if (h.fam === 'kafkajs') {
      // The send-time options (acks, compression, timeout) are not producer options in kafkajs.
      const own = role === 'producer' ? Object.fromEntries(Object.entries(table).filter(([k]) => !(k in KAFKAJS_SEND_OPTIONS))) : table;
      this.options(opts, own, draft, role);
    } else {
      const block = opts.props.get('kafkaJS');
      if (block?.v.k === 'obj') {
        // A client may carry the connection settings itself (`kafka.producer({ kafkaJS: { brokers, sasl } })`).
        this.kafkajsClient(block.v, draft, 'common');
        this.options(block.v, table, draft, role);
        draft.closed &&= !block.v.open;
      } else if (block) draft.closed = false;
      this.rawEntries(opts, draft, role, new Set(['kafkaJS']));
    }
    return draft;
  }

  /** `send({ acks, compression, timeout })`: each call is judged by itself, never as a complete unit. */
  private sendDraft(arg: ts.Expression, at: Location, node: ts.Node, env: Env, label: string): void {
    const opts = this.eval(arg, env);
    if (opts.k !== 'obj') return;
    const draft = this.newDraft(node, env.mod, 'kafkajs', ['producer'], at, false, label);
    this.options(opts, KAFKAJS_SEND_OPTIONS, draft, 'producer');
    if (draft.entries.length === 0) this.drafts.splice(this.drafts.indexOf(draft), 1);
  }

  private rdkafkaDraft(role: Role, global: V, topic: V | undefined, at: Location, node: ts.Node, mod: Mod): Draft {
    const closed = global.k === 'obj' && !global.open && (topic === undefined || topic.k === 'nil' || (topic.k === 'obj' && !topic.open));
    const draft = this.newDraft(node, mod, 'librdkafka', [role], at, closed);
    if (global.k === 'obj') this.rawEntries(global, draft, 'common');
    // node-rdkafka's second argument is the topic configuration (acks, compression, timeouts live there).
    if (topic?.k === 'obj') this.rawEntries(topic, draft, role === 'consumer' ? 'consumer' : 'producer');
    return draft;
  }

  private kafkaNodeDraft(config: V, at: Location, node: ts.Node, mod: Mod): Draft {
    // Only where it connects and whether it uses TLS are judged; the library itself is replaced (catalog §3b).
    const draft = this.newDraft(node, mod, 'kafka-node', ['producer', 'consumer'], at, config.k === 'obj' && !config.open);
    if (config.k !== 'obj') return draft;
    this.options(config, KAFKA_NODE_CLIENT_OPTIONS, draft, 'common');
    this.transport(config, draft, 'common', 'ssl', 'sasl', 'sslOptions');
    // Of its TLS and SASL options only disabled verification is judged (catalog EH106 names sslOptions.rejectUnauthorized).
    draft.entries = draft.entries.filter((e) => ['bootstrap.servers', 'security.protocol', 'enable.ssl.certificate.verification'].includes(e.key));
    return draft;
  }

  /** Topics an admin call creates: each is a topic unit whose settings rules judge (partitions, replication, configs). */
  private adminTopics(name: string, args: readonly ts.Expression[], h: Handle, at: Location, env: Env): void {
    const first = this.eval(args[0]!, env);
    const topicUnit = (label: string | undefined, node: ts.Node): Draft => this.newDraft(node, env.mod, h.fam === 'kafkajs' ? 'kafkajs' : 'librdkafka', [], at, false, label);
    const setting = (d: Draft, key: string, p: Prop, spelling: string) => {
      const e = this.entry(p, { key }, spelling, 'topic');
      d.entries.push(e);
    };
    const configEntries = (d: Draft, list: Prop | undefined) => {
      if (list?.v.k !== 'arr') return;
      for (const ce of list.v.items) {
        if (ce.k !== 'obj') continue;
        const key = scalar(ce.props.get('name')?.v ?? UNK);
        const value = ce.props.get('value');
        if (key === undefined || !value) continue;
        const where = ce.props.get('name')!;
        d.entries.push({ ...this.entry(value, { key }, key, 'topic'), location: this.loc(where.key, where.mod) });
      }
    };
    if ((name === 'alterConfigs' || name === 'incrementalAlterConfigs') && first.k === 'obj') {
      // Topic resources only: ConfigResourceTypes.TOPIC (2); broker resources are not topic settings.
      const resources = first.props.get('resources');
      if (resources?.v.k !== 'arr') return;
      for (const r of resources.v.items) {
        if (r.k !== 'obj') continue;
        const type = r.props.get('type')?.v;
        const topicType = !type || (type.k === 'num' && type.v === 2) || (type.k === 'lib' && type.path.at(-1) === 'TOPIC') || type.k === 'unk';
        if (!topicType) continue;
        configEntries(topicUnit(scalar(r.props.get('name')?.v ?? UNK), args[0]!), r.props.get('configEntries'));
      }
      return;
    }
    if (name === 'createTopics' && first.k === 'obj') {
      const topics = first.props.get('topics');
      if (topics?.v.k !== 'arr') return;
      topics.v.items.forEach((t, i) => {
        if (t.k !== 'obj') return;
        const label = scalar(t.props.get('topic')?.v ?? UNK);
        const d = topicUnit(label, topics.v.k === 'arr' ? (topics.v.nodes[i] ?? args[0]!) : args[0]!);
        const n = t.props.get('numPartitions');
        if (n) setting(d, PSEUDO_KEYS.partitions, n, 'numPartitions');
        const r = t.props.get('replicationFactor');
        if (r) setting(d, 'replication.factor', r, 'replicationFactor');
        configEntries(d, t.props.get('configEntries'));
      });
      return;
    }
    if (name === 'createTopic' && first.k === 'obj') {
      const d = topicUnit(scalar(first.props.get('topic')?.v ?? UNK), args[0]!);
      const n = first.props.get('num_partitions');
      if (n) setting(d, PSEUDO_KEYS.partitions, n, 'num_partitions');
      const r = first.props.get('replication_factor');
      if (r) setting(d, 'replication.factor', r, 'replication_factor');
      const config = first.props.get('config');
      if (config?.v.k === 'obj') {
        for (const [key, p] of config.v.props) d.entries.push(this.entry(p, { key }, key, 'topic'));
      }
      return;
    }
    if (name === 'createPartitions') {
      if (first.k === 'obj') {
        const list = first.props.get('topicPartitions');
        if (list?.v.k !== 'arr') return;
        for (const t of list.v.items) {
          if (t.k !== 'obj') continue;
          const count = t.props.get('count');
          if (count) setting(topicUnit(scalar(t.props.get('topic')?.v ?? UNK), args[0]!), PSEUDO_KEYS.partitions, count, 'count');
        }
      } else if (args[1]) {
        // node-rdkafka createPartitions(topic, totalPartitions, …)
        const count = this.eval(args[1], env);
        const d = topicUnit(scalar(first), args[1]);
        const e: ConfigEntry = { key: PSEUDO_KEYS.partitions, spelling: 'totalPartitions', raw: this.text(args[1], env.mod), value: scalar(count), scope: 'topic', location: this.loc(args[1], env.mod) };
        d.entries.push(e);
      }
    }
  }

  private api(api: string, library: string, location: Location, spelling: string): void {
    const key = `${api}\0${location.file}\0${location.line}\0${location.column}`;
    if (this.seenCalls.has(key)) return;
    this.seenCalls.add(key);
    this.calls.push({ api, library, spelling, location });
  }
}

function propName(ts: TS, name: ts.PropertyName | ts.Node): string | undefined {
  if (ts.isIdentifier(name) || ts.isPrivateIdentifier(name)) return name.text;
  if (ts.isStringLiteral(name) || ts.isNumericLiteral(name) || ts.isNoSubstitutionTemplateLiteral(name)) return name.text;
  return undefined;
}

/** The package a bare specifier names (`kafkajs`, `@confluentinc/kafka-javascript`), if it is a Kafka one. */
function packageOf(spec: string): string | undefined {
  const parts = spec.split('/');
  const name = spec.startsWith('@') ? parts.slice(0, 2).join('/') : parts[0]!;
  return Object.prototype.hasOwnProperty.call(NODE_PACKAGES, name) ? name : undefined;
}

function scalar(v: V): string | undefined {
  switch (v.k) {
    case 'str':
      return v.v;
    case 'num':
      return Number.isFinite(v.v) ? String(v.v) : undefined;
    case 'bool':
      return v.v ? 'true' : 'false';
    default:
      return undefined;
  }
}

function listText(v: V): string | undefined {
  if (v.k === 'arr') {
    const parts = v.items.map(scalar);
    return v.open || parts.some((p) => p === undefined) ? undefined : parts.join(',');
  }
  return scalar(v);
}

function truthy(v: V): boolean | undefined {
  switch (v.k) {
    case 'bool':
      return v.v;
    case 'str':
      return v.v !== '';
    case 'num':
      return v.v !== 0;
    case 'nil':
      return false;
    case 'obj':
    case 'arr':
    case 'fn':
    case 'handle':
      return true;
    case 'tpl':
      return v.v.replace(/\$\{…\}/g, '').length > 0 ? true : undefined;
    default:
      return undefined;
  }
}

function toNumber(v: V): V {
  if (v.k === 'num') return v;
  if (v.k === 'str' && /^\s*-?\d+(\.\d+)?\s*$/.test(v.v)) return { k: 'num', v: Number(v.v), ...(v.d ? { d: true } : {}) };
  return UNK;
}

/** A literal fallback, also when it was split into a list (`(process.env.B || 'a:9092').split(',')`). */
function isDefault(v: V): boolean {
  if (v.k === 'arr') return v.items.some(isDefault);
  return Boolean((v as { d?: boolean }).d);
}

function withDefault(v: V): V {
  return v.k === 'str' || v.k === 'num' || v.k === 'bool' ? { ...v, d: true } : v;
}

/** Relative specifier → a scanned file: exact, TypeScript's `.js` → `.ts` mapping, added extensions, `index` files. */
export function resolveSpecifier(from: string, spec: string, exists: (p: string) => boolean): string | undefined {
  const base = path.posix.normalize(path.posix.join(path.posix.dirname(from), spec));
  const exts = SCRIPT_EXTENSIONS;
  const candidates = [base];
  const m = /\.(m|c)?jsx?$/.exec(base);
  if (m) {
    const stem = base.slice(0, -m[0].length);
    candidates.push(`${stem}.${m[1] ?? ''}ts`, `${stem}.tsx`);
  }
  for (const e of exts) candidates.push(`${base}${e}`);
  for (const e of exts) candidates.push(`${base}/index${e}`);
  return candidates.find(exists);
}
