// The scanned Java project: classes by name, type names resolved the way javac does (nested, imports, package,
// wildcards), and constant evaluation across files (catalog §2.4 value resolution). Unknown stays unknown.
import type { Location } from '../../facts.js';
import { KAFKA_ENUMS, KAFKA_STRING_CONSTANTS, KNOWN_CLASSES } from '../../kafka/java.js';
import type { LineIndex } from '../../location.js';
import { resolveSpring } from '../values.js';
import type { Annotation, ClassDecl, Expr, Field, JavaFile, Span, Stmt } from './ast.js';
import { ELIDED } from './slice.js';

/** A body the slicer blanked before parsing: it starts with a call to ELIDED. */
export function isElided(body: readonly Stmt[] | undefined): boolean {
  const first = body?.[0];
  return first?.k === 'expr' && first.e.k === 'call' && first.e.name === ELIDED && !first.e.target;
}

export interface JavaUnit {
  path: string;
  index: LineIndex;
  file: JavaFile;
}

export interface ClassInfo {
  fqn: string;
  decl: ClassDecl;
  unit: JavaUnit;
  outer: ClassInfo | undefined;
}

/** A Java value the analysis can know: strings, integers (as bigint, Java's long range), doubles, booleans, enum constants, classes, lists. */
export type JValue = string | bigint | number | boolean | null | { enum: string; name: string } | { cls: string } | { list: JValue[] } | { empty: true };

export interface Evaluated {
  value: JValue;
  /** The literal fallback of an environment lookup or `${X:default}` (catalog §2.4). */
  fromDefault?: boolean;
}

/** What a name inside a method means: a local with its one assignment, or a parameter (unknown unless `@Value` says). */
export interface Local {
  init: Expr | undefined;
  /** Assigned once and never again: its initializer is its value. */
  stable: boolean;
  type: string;
  annotations?: Annotation[];
  param?: boolean;
}

export interface Scope {
  lookup(name: string): Local | undefined;
}

export const NO_LOCALS: Scope = { lookup: () => undefined };

export interface Context {
  unit: JavaUnit;
  cls: ClassInfo | undefined;
  scope: Scope;
}

const JAVA_LANG = new Set(['String', 'Integer', 'Long', 'Short', 'Byte', 'Boolean', 'Double', 'Float', 'Character', 'Math', 'System', 'Object', 'StringBuilder', 'Thread', 'Runtime', 'Enum', 'Class']);
const JAVA_UTIL = new Set(['Map', 'HashMap', 'LinkedHashMap', 'TreeMap', 'Hashtable', 'Properties', 'List', 'ArrayList', 'Arrays', 'Collections', 'Optional', 'Objects', 'Set', 'HashSet', 'Locale']);

function fieldIsFinal(f: Field, owner: ClassDecl): boolean {
  return f.modifiers.includes('final') || owner.kind === 'interface' || owner.kind === 'annotation';
}

export class JavaProject {
  /** Samples and multi-module repositories repeat class names (`com.example.Application`): every copy is kept. */
  private readonly byFqnAll = new Map<string, ClassInfo[]>();
  /** The file being analysed: a repeated class name means the copy nearest to it. */
  near: JavaUnit | undefined;
  readonly units: JavaUnit[] = [];
  /** Simple names of classes a resolution needed and the project has not parsed yet: the next parse round. */
  readonly wanted = new Set<string>();
  /** Fields assigned outside their initializer: their initializer is not their value. */
  private readonly reassigned = new WeakMap<ClassDecl, Set<string>>();

  constructor(private readonly available: (simpleName: string) => boolean = () => false) {}

  add(unit: JavaUnit): void {
    this.units.push(unit);
    const pkg = unit.file.package ? `${unit.file.package}.` : '';
    const visit = (decl: ClassDecl, outer: ClassInfo | undefined) => {
      const fqn = outer ? `${outer.fqn}.${decl.name}` : `${pkg}${decl.name}`;
      const info: ClassInfo = { fqn, decl, unit, outer };
      const list = this.byFqnAll.get(fqn);
      if (list) list.push(info);
      else this.byFqnAll.set(fqn, [info]);
      for (const c of decl.classes) visit(c, info);
    };
    for (const c of unit.file.classes) visit(c, undefined);
  }

  /** The class of that name in `unit` itself when given, else the copy nearest to the file being analysed. */
  classInfo(fqn: string, unit?: JavaUnit): ClassInfo | undefined {
    const list = this.byFqnAll.get(fqn);
    if (!list || list.length === 1) return list?.[0];
    const own = unit ? list.find((c) => c.unit === unit) : undefined;
    if (own) return own;
    const near = this.near?.path.split('/');
    if (!near) return list[0];
    const shared = (c: ClassInfo) => {
      const p = c.unit.path.split('/');
      let i = 0;
      while (i < p.length && i < near.length && p[i] === near[i]) i++;
      return i;
    };
    return list.reduce((best, c) => (shared(c) > shared(best) ? c : best));
  }

  private get byFqn(): { get(fqn: string): ClassInfo | undefined; has(fqn: string): boolean } {
    return { get: (fqn) => this.classInfo(fqn), has: (fqn) => this.byFqnAll.has(fqn) };
  }

  private exists(fqn: string): boolean {
    return this.byFqn.has(fqn) || KNOWN_CLASSES.has(fqn);
  }

  /**
   * The class a type name written in `ctx` denotes, as a fully qualified name; undefined when it cannot be known.
   * With `want`, a project class not parsed yet is asked for (the next parse round): only lookups whose answer
   * can change a fact ask, so a large code base is not parsed class by class.
   */
  resolveType(name: string, ctx: { unit: JavaUnit; cls: ClassInfo | undefined }, want = false): string | undefined {
    const clean = name.replace(/\[\]$/, '').replace(/<.*$/, '');
    const [head, ...rest] = clean.split('.');
    if (!head) return undefined;
    const tail = rest.length > 0 ? `.${rest.join('.')}` : '';
    const base = this.resolveSimple(head, ctx, want);
    if (base) {
      const full = base + tail;
      // `Type.CONSTANT` is not a type: only nested classes the project or the tables know are.
      return !tail || this.exists(full) ? full : undefined;
    }
    // A fully qualified name written out: `org.apache.kafka.clients.producer.KafkaProducer`.
    if (/^[a-z]/.test(head) && rest.length > 0) {
      for (let i = rest.length; i >= 1; i--) {
        const candidate = [head, ...rest.slice(0, i)].join('.');
        if (this.exists(candidate)) return [candidate, ...rest.slice(i)].join('.');
      }
    }
    return undefined;
  }

  private resolveSimple(name: string, ctx: { unit: JavaUnit; cls: ClassInfo | undefined }, want: boolean): string | undefined {
    for (let c = ctx.cls; c; c = c.outer) {
      if (c.decl.name === name && c.decl.kind !== 'anonymous') return c.fqn;
      const nested = c.decl.classes.find((n) => n.name === name);
      if (nested) return `${c.fqn}.${name}`;
      for (const sup of [...c.decl.extends, ...c.decl.implements]) {
        const s = this.resolveType(sup, { unit: c.unit, cls: c.outer });
        if (s && this.byFqn.get(s)?.decl.classes.some((n) => n.name === name)) return `${s}.${name}`;
      }
    }
    const { file } = ctx.unit;
    const top = file.classes.find((c) => c.name === name);
    if (top) return file.package ? `${file.package}.${name}` : name;
    const single = file.imports.find((i) => !i.static && !i.star && (i.name === name || i.name.endsWith(`.${name}`)));
    if (single) {
      // An imported project class the prefilter left out (a constants class): parse it next round.
      if (want && !this.exists(single.name) && this.available(name)) this.wanted.add(name);
      return single.name;
    }
    if (file.package && this.byFqn.has(`${file.package}.${name}`)) return `${file.package}.${name}`;
    for (const i of file.imports) {
      if (i.star && !i.static && this.exists(`${i.name}.${name}`)) return `${i.name}.${name}`;
    }
    if (JAVA_LANG.has(name)) return `java.lang.${name}`;
    if (JAVA_UTIL.has(name) && file.imports.some((i) => i.star && i.name === 'java.util')) return `java.util.${name}`;
    if (want && /^[A-Z]/.test(name) && this.available(name)) this.wanted.add(name);
    return undefined;
  }

  /** Fields assigned anywhere but their declaration (in any method of their class). */
  private reassignedFields(decl: ClassDecl): Set<string> {
    let set = this.reassigned.get(decl);
    if (set) return set;
    set = new Set();
    const found = set;
    const visit = (e: unknown): void => {
      if (!e || typeof e !== 'object') return;
      if (Array.isArray(e)) {
        for (const x of e) visit(x);
        return;
      }
      const node = e as { k?: string; target?: Expr; op?: string; operand?: Expr };
      if (node.k === 'assign' && node.target) {
        const t = node.target;
        if (t.k === 'name' && t.parts.length === 1) found.add(t.parts[0]!);
        if (t.k === 'field' && t.target.k === 'this') found.add(t.name);
      }
      if (node.k === 'unary' && node.operand?.k === 'name' && /\+\+|--/.test(node.op ?? '')) found.add(node.operand.parts[0]!);
      if (node.k === 'class' || (node.k === 'new' && (e as { body?: unknown }).body)) return;
      for (const v of Object.values(e)) if (v && typeof v === 'object') visit(v);
    };
    for (const m of decl.methods) if (!m.ctor) visit(m.body);
    // A method whose body was not parsed (./slice.ts) may assign any field.
    if (decl.methods.some((m) => isElided(m.body))) for (const f of decl.fields) found.add(f.name);
    this.reassigned.set(decl, set);
    return set;
  }

  /** A field of a class or of its supertypes in the project (constants inherited from interfaces included). */
  findField(cls: ClassInfo, name: string, seen = new Set<string>()): { field: Field; owner: ClassInfo } | undefined {
    if (seen.has(cls.fqn)) return undefined;
    seen.add(cls.fqn);
    const field = cls.decl.fields.find((f) => f.name === name);
    if (field) return { field, owner: cls };
    for (const sup of [...cls.decl.extends, ...cls.decl.implements]) {
      const fqn = this.resolveType(sup, { unit: cls.unit, cls: cls.outer }, true);
      const info = fqn ? this.byFqn.get(fqn) : undefined;
      const found = info && this.findField(info, name, seen);
      if (found) return found;
    }
    return undefined;
  }

  // ---------------------------------------------------------------------------------------- evaluation

  private readonly evaluating = new Set<Field>();

  /** The value of a field as a constant: final (or never reassigned) with an initializer, or a `@Value` default. */
  fieldValue(field: Field, owner: ClassInfo): Evaluated | undefined {
    const fromAnnotation = valueAnnotation(field.annotations);
    if (fromAnnotation) return fromAnnotation.value === undefined ? undefined : fromAnnotation;
    if (!field.init || this.evaluating.has(field)) return undefined;
    if (!fieldIsFinal(field, owner.decl) && this.reassignedFields(owner.decl).has(field.name)) return undefined;
    this.evaluating.add(field);
    try {
      return this.evaluate(field.init, { unit: owner.unit, cls: owner, scope: NO_LOCALS });
    } finally {
      this.evaluating.delete(field);
    }
  }

  /** A Kafka constant, enum constant or project constant named `Type.NAME` (or `pkg.Type.NAME`). */
  private qualified(parts: readonly string[], ctx: Context): Evaluated | undefined {
    for (let i = parts.length - 1; i >= 1; i--) {
      const type = this.resolveType(parts.slice(0, i).join('.'), ctx, true);
      if (!type) continue;
      const member = parts[i]!;
      const rest = parts.slice(i + 1);
      let value: Evaluated | undefined;
      const kafka = KAFKA_STRING_CONSTANTS[type]?.[member];
      if (kafka !== undefined) value = { value: kafka };
      else if (KAFKA_ENUMS[type]?.[member]) value = { value: { enum: type, name: member } };
      else {
        const info = this.byFqn.get(type);
        if (info?.decl.kind === 'enum' && info.decl.enumConstants.some((c) => c.name === member)) value = { value: { enum: type, name: member } };
        else if (info) {
          const f = this.findField(info, member);
          value = f ? this.fieldValue(f.field, f.owner) : undefined;
        } else value = builtinField(type, member);
      }
      if (!value) return undefined;
      return rest.reduce<Evaluated | undefined>((v, name) => (v ? member_(v, name) : undefined), value);
    }
    return undefined;
  }

  /** A simple name: local, field of this class or its outers and supertypes, or a static import. */
  private simple(name: string, ctx: Context): Evaluated | undefined {
    const local = ctx.scope.lookup(name);
    if (local) {
      if (local.param) {
        const v = valueAnnotation(local.annotations ?? []);
        return v && v.value !== undefined ? v : undefined;
      }
      return local.stable && local.init ? this.evaluate(local.init, ctx) : undefined;
    }
    for (let c = ctx.cls; c; c = c.outer) {
      const f = this.findField(c, name);
      if (f) return this.fieldValue(f.field, f.owner);
    }
    for (const imp of ctx.unit.file.imports) {
      if (!imp.static) continue;
      if (!imp.star && !imp.name.endsWith(`.${name}`)) continue;
      const owner = imp.star ? imp.name : imp.name.slice(0, imp.name.lastIndexOf('.'));
      const v = this.qualified([...owner.split('.'), name], ctx);
      if (v) return v;
    }
    return undefined;
  }

  evaluate(e: Expr | undefined, ctx: Context, depth = 0): Evaluated | undefined {
    if (!e || depth > 40) return undefined;
    const ev = (x: Expr | undefined) => this.evaluate(x, ctx, depth + 1);
    switch (e.k) {
      case 'lit':
        switch (e.type) {
          case 'string':
          case 'char':
            return { value: e.value };
          case 'int':
          case 'long':
            return { value: BigInt(e.value) };
          case 'float':
            return { value: Number(e.value) };
          case 'bool':
            return { value: e.value === 'true' };
          default:
            return { value: null };
        }
      case 'name':
        return e.parts.length === 1 ? this.simple(e.parts[0]!, ctx) : this.qualified(e.parts, ctx);
      case 'field': {
        if (e.target.k === 'this') {
          for (let c = ctx.cls; c; c = c.outer) {
            const f = this.findField(c, e.name);
            if (f) return this.fieldValue(f.field, f.owner);
          }
          return undefined;
        }
        const target = ev(e.target);
        return target ? member_(target, e.name) : undefined;
      }
      case 'cast': {
        const v = ev(e.operand);
        if (v && typeof v.value === 'bigint' && /^(int|short|byte|long|Integer|Short|Long)$/.test(e.type)) return v;
        return v;
      }
      case 'bin':
        return binary(e.op, ev(e.left), ev(e.right));
      case 'unary': {
        const v = ev(e.operand);
        if (!v) return undefined;
        if (e.op === '-' && typeof v.value === 'bigint') return { ...v, value: -v.value };
        if (e.op === '-' && typeof v.value === 'number') return { ...v, value: -v.value };
        if (e.op === '+') return v;
        if (e.op === '!' && typeof v.value === 'boolean') return { ...v, value: !v.value };
        return undefined;
      }
      case 'cond': {
        const test = ev(e.test);
        if (test && typeof test.value === 'boolean') return ev(test.value ? e.then : e.else);
        const a = ev(e.then);
        const b = ev(e.else);
        // `cond ? X : LIT` is the literal fallback (catalog §2.4); two different known values are unknown.
        if (a && b) return same(a.value, b.value) ? a : undefined;
        const known = a ?? b;
        return known ? { ...known, fromDefault: true } : undefined;
      }
      case 'classLit': {
        const fqn = this.resolveType(e.type, ctx);
        return { value: { cls: fqn ?? e.type } };
      }
      case 'array': {
        const items = e.elems.map(ev);
        return items.every(Boolean) ? { value: { list: items.map((i) => i!.value) } } : undefined;
      }
      case 'call':
        return this.call(e, ctx, depth);
      default:
        return undefined;
    }
  }

  private call(e: Extract<Expr, { k: 'call' }>, ctx: Context, depth: number): Evaluated | undefined {
    const ev = (x: Expr | undefined) => this.evaluate(x, ctx, depth + 1);
    const args = e.args;
    const owner = e.target?.k === 'name' ? this.resolveType(e.target.parts.join('.'), ctx) : undefined;
    const strings = () => args.map(ev);
    if (owner) {
      const fn = `${owner}.${e.name}`;
      switch (fn) {
        case 'java.lang.String.valueOf':
        case 'java.lang.Integer.toString':
        case 'java.lang.Long.toString':
        case 'java.lang.Short.toString':
        case 'java.lang.Boolean.toString':
        case 'java.lang.Double.toString': {
          const v = ev(args[0]);
          return v ? { ...v, value: text(v.value) ?? null } : undefined;
        }
        case 'java.lang.Integer.valueOf':
        case 'java.lang.Integer.parseInt':
        case 'java.lang.Long.valueOf':
        case 'java.lang.Long.parseLong':
        case 'java.lang.Short.valueOf':
        case 'java.lang.Short.parseShort': {
          const v = ev(args[0]);
          if (!v) return undefined;
          if (typeof v.value === 'bigint') return v;
          return typeof v.value === 'string' && /^-?\d+$/.test(v.value.trim()) ? { ...v, value: BigInt(v.value.trim()) } : undefined;
        }
        case 'java.lang.Boolean.valueOf':
        case 'java.lang.Boolean.parseBoolean': {
          const v = ev(args[0]);
          if (!v) return undefined;
          return typeof v.value === 'boolean' ? v : { ...v, value: String(text(v.value)).toLowerCase() === 'true' };
        }
        case 'java.lang.String.join': {
          const [sep, ...rest] = strings();
          if (!sep || typeof sep.value !== 'string' || rest.some((r) => !r)) return undefined;
          const items = rest.flatMap((r) => (isList(r!.value) ? r!.value.list : [r!.value]));
          const parts = items.map(text);
          return parts.every((p) => p !== undefined) ? { value: parts.join(sep.value), ...(rest.some((r) => r!.fromDefault) ? { fromDefault: true } : {}) } : undefined;
        }
        case 'java.lang.String.format':
          return format(strings());
        case 'java.lang.System.getenv':
          return undefined;
        case 'java.lang.System.getProperty': {
          const fallback = args[1] ? ev(args[1]) : undefined;
          return fallback ? { ...fallback, fromDefault: true } : undefined;
        }
        case 'java.util.List.of':
        case 'java.util.Arrays.asList':
        case 'java.util.Collections.singletonList':
        case 'java.util.Set.of': {
          const items = strings();
          return items.every(Boolean) ? { value: { list: items.map((i) => i!.value) } } : undefined;
        }
        case 'java.util.Optional.of':
        case 'java.util.Optional.ofNullable':
          return ev(args[0]);
        case 'java.util.Optional.empty':
          return { value: { empty: true } };
        case 'java.util.Objects.requireNonNullElse': {
          const a = ev(args[0]);
          const b = ev(args[1]);
          return a ?? (b ? { ...b, fromDefault: true } : undefined);
        }
        case 'java.time.Duration.ofMillis':
        case 'java.time.Duration.ofSeconds':
        case 'java.time.Duration.ofMinutes':
        case 'java.time.Duration.ofHours':
        case 'java.time.Duration.ofDays': {
          const v = ev(args[0]);
          const scale = { ofMillis: 1n, ofSeconds: 1000n, ofMinutes: 60_000n, ofHours: 3_600_000n, ofDays: 86_400_000n }[e.name] ?? 1n;
          return v && typeof v.value === 'bigint' ? { ...v, value: { enum: 'java.time.Duration', name: String(v.value * scale) } } : undefined;
        }
        case 'org.apache.kafka.streams.StreamsConfig.producerPrefix':
        case 'org.apache.kafka.streams.StreamsConfig.consumerPrefix':
        case 'org.apache.kafka.streams.StreamsConfig.mainConsumerPrefix':
        case 'org.apache.kafka.streams.StreamsConfig.restoreConsumerPrefix':
        case 'org.apache.kafka.streams.StreamsConfig.globalConsumerPrefix':
        case 'org.apache.kafka.streams.StreamsConfig.adminClientPrefix':
        case 'org.apache.kafka.streams.StreamsConfig.topicPrefix': {
          const prefix = STREAMS_PREFIX_METHODS[e.name]!;
          const v = ev(args[0]);
          return v && typeof v.value === 'string' ? { ...v, value: prefix + v.value } : undefined;
        }
      }
    }
    // `System.getenv().getOrDefault("X", "lit")`, `Optional.ofNullable(System.getenv("X")).orElse("lit")`.
    if ((e.name === 'getOrDefault' || e.name === 'orElse') && args.length >= 1) {
      const fallback = ev(args.at(-1));
      const target = e.name === 'orElse' && e.target ? ev(e.target) : undefined;
      if (target && !(typeof target.value === 'object' && target.value && 'empty' in target.value)) return target;
      return fallback ? { ...fallback, fromDefault: true } : undefined;
    }
    // Two-argument environment helpers: `Env.optional("KAFKA_BROKERS", "localhost:9092")` (catalog §2.4).
    if (args.length === 2 && args[0]?.k === 'lit' && args[0].type === 'string' && /^[A-Z][A-Z0-9_]*$/.test(args[0].value) && /env|property|config|setting|get|optional/i.test(e.name)) {
      const fallback = ev(args[1]);
      return fallback && typeof fallback.value === 'string' ? { ...fallback, fromDefault: true } : undefined;
    }
    if (!e.target) return undefined;
    const target = ev(e.target);
    return target ? method(target, e.name, args.map(ev)) : undefined;
  }

  /** The `@Value("${…}")` on a field or parameter, for messages and for values (its literal default). */
  static valueAnnotation = valueAnnotation;
}

const STREAMS_PREFIX_METHODS: Record<string, string> = {
  producerPrefix: 'producer.',
  consumerPrefix: 'consumer.',
  mainConsumerPrefix: 'main.consumer.',
  restoreConsumerPrefix: 'restore.consumer.',
  globalConsumerPrefix: 'global.consumer.',
  adminClientPrefix: 'admin.',
  topicPrefix: 'topic.',
};

/** Spring's `@Value("${kafka.servers:localhost:9092}")`: the literal fallback, or unknown. */
function valueAnnotation(annotations: readonly Annotation[]): Evaluated | { value: undefined } | undefined {
  const a = annotations.find((x) => x.name === 'Value' || x.name.endsWith('.annotation.Value'));
  if (!a) return undefined;
  const arg = a.args.value;
  if (arg?.k !== 'lit' || arg.type !== 'string') return { value: undefined };
  const r = resolveSpring(arg.value);
  return r.value === undefined ? { value: undefined } : { value: r.value, ...(r.fromDefault ? { fromDefault: true } : {}) };
}

const isList = (v: JValue): v is { list: JValue[] } => typeof v === 'object' && v !== null && 'list' in v;

function same(a: JValue, b: JValue): boolean {
  return text(a) !== undefined && text(a) === text(b);
}

/** A value as configuration text (what Kafka's ConfigDef would read from it). */
export function text(v: JValue): string | undefined {
  if (typeof v === 'string') return v;
  if (typeof v === 'bigint' || typeof v === 'number' || typeof v === 'boolean') return String(v);
  if (v === null) return undefined;
  if ('cls' in v) return v.cls;
  if ('list' in v) {
    const parts = v.list.map(text);
    return parts.every((p) => p !== undefined) ? parts.join(',') : undefined;
  }
  if ('enum' in v) return v.enum === 'java.time.Duration' ? undefined : v.name;
  return undefined;
}

function builtinField(type: string, member: string): Evaluated | undefined {
  const table: Record<string, bigint | boolean> = {
    'java.lang.Integer.MAX_VALUE': 2147483647n,
    'java.lang.Integer.MIN_VALUE': -2147483648n,
    'java.lang.Long.MAX_VALUE': 9223372036854775807n,
    'java.lang.Long.MIN_VALUE': -9223372036854775808n,
    'java.lang.Short.MAX_VALUE': 32767n,
    'java.lang.Boolean.TRUE': true,
    'java.lang.Boolean.FALSE': false,
  };
  const v = table[`${type}.${member}`];
  if (v !== undefined) return { value: v };
  if (type === 'java.util.concurrent.TimeUnit') return { value: { enum: type, name: member } };
  return undefined;
}

const TIME_UNIT_MS: Record<string, bigint> = { MILLISECONDS: 1n, SECONDS: 1000n, MINUTES: 60_000n, HOURS: 3_600_000n, DAYS: 86_400_000n };

/** A field of a known value: an enum's public `name` field (Kafka's SecurityProtocol, CompressionType). */
function member_(v: Evaluated, name: string): Evaluated | undefined {
  const x = v.value;
  if (typeof x === 'object' && x && 'enum' in x && name === 'name') {
    const info = KAFKA_ENUMS[x.enum]?.[x.name];
    return { ...v, value: info?.text ?? x.name };
  }
  return undefined;
}

function method(v: Evaluated, name: string, args: Array<Evaluated | undefined>): Evaluated | undefined {
  const x = v.value;
  const keep = (value: JValue): Evaluated => ({ ...v, value });
  if (typeof x === 'string') {
    switch (name) {
      case 'toLowerCase':
        return keep(x.toLowerCase());
      case 'toUpperCase':
        return keep(x.toUpperCase());
      case 'trim':
      case 'strip':
        return keep(x.trim());
      case 'toString':
      case 'intern':
        return v;
      case 'concat':
        return args[0] && typeof args[0].value === 'string' ? keep(x + args[0].value) : undefined;
      case 'length':
        return keep(BigInt(x.length));
    }
    return undefined;
  }
  if (typeof x === 'object' && x !== null) {
    if ('enum' in x) {
      if (x.enum === 'java.time.Duration') {
        if (name === 'toMillis') return keep(BigInt(x.name));
        if (name === 'getSeconds' || name === 'toSeconds') return keep(BigInt(x.name) / 1000n);
        return undefined;
      }
      if (x.enum === 'java.util.concurrent.TimeUnit') {
        const a = args[0];
        const unit = TIME_UNIT_MS[x.name];
        if (name === 'toMillis' && a && typeof a.value === 'bigint' && unit) return { value: a.value * unit, ...(a.fromDefault ? { fromDefault: true } : {}) };
        return undefined;
      }
      if (name === 'name') return keep(x.name);
      if (name === 'toString') return keep(KAFKA_ENUMS[x.enum]?.[x.name]?.text ?? x.name);
      return undefined;
    }
    if ('cls' in x) {
      if (name === 'getName' || name === 'getCanonicalName' || name === 'getTypeName') return keep(x.cls);
      if (name === 'getSimpleName') return keep(x.cls.slice(x.cls.lastIndexOf('.') + 1));
      return undefined;
    }
  }
  if (name === 'toString' && (typeof x === 'bigint' || typeof x === 'boolean' || typeof x === 'number')) return keep(String(x));
  return undefined;
}

function binary(op: string, a: Evaluated | undefined, b: Evaluated | undefined): Evaluated | undefined {
  if (!a || !b) return undefined;
  const fromDefault = a.fromDefault || b.fromDefault ? { fromDefault: true } : {};
  const x = a.value;
  const y = b.value;
  if (op === '+' && (typeof x === 'string' || typeof y === 'string')) {
    const l = typeof x === 'string' ? x : text(x);
    const r = typeof y === 'string' ? y : text(y);
    return l !== undefined && r !== undefined ? { value: l + r, ...fromDefault } : undefined;
  }
  if (typeof x === 'bigint' && typeof y === 'bigint') {
    switch (op) {
      case '+':
        return { value: x + y, ...fromDefault };
      case '-':
        return { value: x - y, ...fromDefault };
      case '*':
        return { value: x * y, ...fromDefault };
      case '/':
        return y === 0n ? undefined : { value: x / y, ...fromDefault };
      case '%':
        return y === 0n ? undefined : { value: x % y, ...fromDefault };
      case '<<':
        return { value: x << y, ...fromDefault };
      case '>>':
        return { value: x >> y, ...fromDefault };
      case '==':
        return { value: x === y, ...fromDefault };
      case '!=':
        return { value: x !== y, ...fromDefault };
    }
    return undefined;
  }
  if ((typeof x === 'number' || typeof x === 'bigint') && (typeof y === 'number' || typeof y === 'bigint')) {
    const l = Number(x);
    const r = Number(y);
    switch (op) {
      case '+':
        return { value: l + r, ...fromDefault };
      case '-':
        return { value: l - r, ...fromDefault };
      case '*':
        return { value: l * r, ...fromDefault };
      case '/':
        return r === 0 ? undefined : { value: l / r, ...fromDefault };
    }
    return undefined;
  }
  if (typeof x === 'boolean' && typeof y === 'boolean') {
    if (op === '&&') return { value: x && y, ...fromDefault };
    if (op === '||') return { value: x || y, ...fromDefault };
  }
  if ((op === '==' || op === '!=') && typeof x === 'string' && typeof y === 'string') return { value: op === '==' ? x === y : x !== y, ...fromDefault };
  return undefined;
}

/** `String.format` with `%s`/`%d` and known arguments. */
function format(args: Array<Evaluated | undefined>): Evaluated | undefined {
  const [fmt, ...rest] = args;
  if (!fmt || typeof fmt.value !== 'string' || rest.some((r) => !r)) return undefined;
  let i = 0;
  let ok = true;
  const out = fmt.value.replace(/%(\d+\$)?[-#+ 0,(]*\d*(?:\.\d+)?([sdnS%])/g, (whole, _pos, conv: string) => {
    if (conv === '%') return '%';
    if (conv === 'n') return '\n';
    const v = rest[i++];
    const t = v ? text(v.value) : undefined;
    if (t === undefined) ok = false;
    return t ?? whole;
  });
  return ok ? { value: out, ...(args.some((a) => a?.fromDefault) ? { fromDefault: true } : {}) } : undefined;
}

/** A location for facts: a span cut at the end of its first line (GitHub annotates only fully changed lines). */
export function locate(unit: JavaUnit, span: Span): Location {
  const loc: Location = { file: unit.path, line: span.line, column: span.column, endLine: span.endLine, endColumn: span.endColumn };
  if (loc.endLine !== loc.line) {
    loc.endLine = loc.line;
    loc.endColumn = Math.max(unit.index.lineText(loc.line).length + 1, loc.column + 1);
  }
  return loc;
}

/** The source text of a span (for `raw` values and spellings). */
export function sourceText(unit: JavaUnit, span: Span): string {
  const start = unit.index.lineStart(span.line) + span.column - 1;
  const end = unit.index.lineStart(span.endLine) + span.endColumn - 1;
  return unit.index.text.slice(start, end);
}
