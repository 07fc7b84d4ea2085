// Java code as facts: configuration maps that reach Kafka clients (catalog §2.2, §2.3 code units), topics the code
// creates, and the Kafka API calls rules judge (§5). A small abstract interpretation: each method is walked in
// order, maps and Kafka objects are followed through locals, fields and project methods; anything else is unknown.
import type { ApiCall, ClientConfig, ConfigEntry, Location, Role, Scope as EntryScope } from '../../facts.js';
import {
  CLIENT_CONSTRUCTORS,
  CLIENT_FACTORIES,
  KAFKA_ANNOTATIONS,
  KAFKA_CALLS,
  KAFKA_NEWS,
  KAFKA_STRING_CONSTANTS,
  KAFKA_TYPES,
  OLD_SCALA_CLASSES,
  OLD_SCALA_CONFIGS,
  OLD_SCALA_PACKAGES,
  type ClientEntry,
  type KafkaKind,
} from '../../kafka/java.js';
import { PSEUDO_KEYS, STREAMS_PREFIXES } from '../../kafka/keys.js';
import type { Annotation, Expr, Method, Stmt } from './ast.js';
import { isElided, locate, sourceText, text, type ClassInfo, type Context, type Evaluated, type JavaProject, type JavaUnit, type Local, type Scope } from './project.js';

// ------------------------------------------------------------------------------------------ abstract values

interface EntryDraft {
  key: string;
  spelling: string;
  raw: string;
  value: string | undefined;
  /** A partly known string: its unknown parts as `${…}` (a JAAS line around a secret read at run time). */
  template?: string;
  fromDefault: boolean;
  location: Location;
}

/** A `Properties`/`Map` being built, and the clients it reaches. */
class ConfigMap {
  entries: EntryDraft[] = [];
  /** Config classes whose constants name its keys (`ProducerConfig`): a Kafka context even without a client. */
  readonly constants = new Set<string>();
  /** Where it is used as a configuration; `role` is undefined for a serde's configuration. */
  readonly clients: Array<{ role: Role | undefined; library: ClientEntry['library']; at: Location; label: string }> = [];
  /** Returned by a helper: a caller that adds to it makes it a config spread over two places (catalog §2.3). */
  fromHelper = false;
  /** Held in a field: without a client in sight it is as likely a lookup table keyed by config names as a config. */
  inField = false;

  constructor(
    readonly id: number,
    readonly unit: JavaUnit,
    readonly origin: Location,
    public closed: boolean,
  ) {}

  copy(id: number, origin = this.origin): ConfigMap {
    const m = new ConfigMap(id, this.unit, origin, this.closed);
    m.entries = [...this.entries];
    for (const c of this.constants) m.constants.add(c);
    return m;
  }
}

/** A topic the code creates: `new NewTopic(…)`, a `TopicBuilder` chain, `ConfigEntry`s of an alter call. */
class TopicDraft {
  entries: Array<EntryDraft & { scope: EntryScope }> = [];
  constructor(
    readonly anchor: Location,
    readonly label: string,
  ) {}
}

/** What an expression yields, as far as the analysis follows it. */
interface Val {
  map?: ConfigMap;
  kind?: KafkaKind;
  topic?: TopicDraft;
  /** A Spark `format("kafka")` chain or a Flink Kafka builder: its options form a configuration. */
  builder?: ConfigMap;
}

const NONE: Val = {};

/** The whole text of an expression: a call's span starts at its method name, its text at its receiver. */
const whole = (e: Expr) => (e.k === 'call' ? e.start : e.at);

const MAP_TYPES = /^(java\.util\.)?(Properties|Map|HashMap|LinkedHashMap|TreeMap|Hashtable|ConcurrentHashMap|SortedMap|AbstractMap)$|^java\.util\.concurrent\.ConcurrentHashMap$/;
const MAP_FACTORIES = new Set(['java.util.Map.of', 'java.util.Map.ofEntries', 'java.util.Collections.singletonMap', 'com.google.common.collect.ImmutableMap.of']);
const PUTS = new Set(['put', 'setProperty', 'putIfAbsent']);
const ROLE_OF_CONSTANTS: Record<string, Role> = {
  'org.apache.kafka.clients.producer.ProducerConfig': 'producer',
  'org.apache.kafka.clients.consumer.ConsumerConfig': 'consumer',
  'org.apache.kafka.clients.admin.AdminClientConfig': 'admin',
  'org.apache.kafka.streams.StreamsConfig': 'streams',
};

/** Nested simulation of project methods stops here: deeper chains are rare and costly. */
const MAX_DEPTH = 3;

// ------------------------------------------------------------------------------------------ frames

interface Binding {
  local: Local;
  val: Val;
}

class Frame implements Scope {
  private readonly vars = new Map<string, Binding>();
  constructor(
    readonly parent: Frame | undefined,
    readonly method: MethodRun,
  ) {}

  lookup(name: string): Local | undefined {
    return this.binding(name)?.local;
  }

  binding(name: string): Binding | undefined {
    return this.vars.get(name) ?? this.parent?.binding(name);
  }

  declare(name: string, b: Binding): void {
    this.vars.set(name, b);
  }

  child(): Frame {
    return new Frame(this, this.method);
  }
}

/** One walk of one method body. */
interface MethodRun {
  cls: ClassInfo;
  method: Method | undefined;
  depth: number;
  /** Object state of the class instance the method runs on: fields holding maps or Kafka objects. */
  fields: Map<string, Val>;
  /** Locals assigned more than once in the method (their initializer is not their value). */
  unstable: Set<string>;
  /** Inside a double-brace initializer: unqualified `put` calls go to this map. */
  implicitMap?: ConfigMap;
  /** Inside a loop over consumer records (EH510 per-record commits). */
  perRecord: boolean;
  returned: Val[];
  alter?: TopicDraft;
  /** `NewPartitions.increaseTo` facts of this method: a `createPartitions` call here is the one finding. */
  increases: ApiCall[];
}

export interface JavaFacts {
  configs: ClientConfig[];
  apiCalls: ApiCall[];
}

function annotated(annotations: readonly Annotation[], simple: string): Annotation | undefined {
  return annotations.find((a) => a.name === simple || a.name.endsWith(`.${simple}`));
}

/** Names assigned after their declaration anywhere in a body. */
function assignedNames(body: unknown, out = new Set<string>()): Set<string> {
  const visit = (e: unknown): void => {
    if (!e || typeof e !== 'object') return;
    if (Array.isArray(e)) {
      for (const x of e) visit(x);
      return;
    }
    const n = e as { k?: string; target?: Expr; operand?: Expr; op?: string };
    if (n.k === 'assign' && n.target?.k === 'name' && n.target.parts.length === 1) out.add(n.target.parts[0]!);
    if (n.k === 'unary' && n.operand?.k === 'name' && /\+\+|--/.test(n.op ?? '')) out.add(n.operand.parts[0]!);
    for (const v of Object.values(e)) if (v && typeof v === 'object') visit(v);
  };
  visit(body);
  return out;
}

/** Declarations of each local name in a body: a name declared twice (two loops' `i`) is not one value. */
function declaredTwice(body: unknown): Set<string> {
  const seen = new Set<string>();
  const twice = new Set<string>();
  const visit = (e: unknown): void => {
    if (!e || typeof e !== 'object') return;
    if (Array.isArray(e)) {
      for (const x of e) visit(x);
      return;
    }
    const n = e as { k?: string; name?: string };
    if (n.k === 'var' && n.name) {
      if (seen.has(n.name)) twice.add(n.name);
      seen.add(n.name);
    }
    for (const v of Object.values(e)) if (v && typeof v === 'object') visit(v);
  };
  visit(body);
  return twice;
}

// ------------------------------------------------------------------------------------------ the analysis

export class JavaAnalysis {
  private readonly maps: ConfigMap[] = [];
  private readonly topics: TopicDraft[] = [];
  private readonly calls: ApiCall[] = [];
  private readonly callKeys = new Set<string>();
  /** Fully qualified old Scala classes already reported per file. */
  private readonly scalaSeen = new Set<string>();
  /** Project methods being walked with a given argument binding: recursion guard. */
  private readonly active = new Set<string>();

  constructor(private readonly project: JavaProject) {}

  run(): JavaFacts {
    for (const unit of this.project.units) {
      this.project.near = unit;
      this.imports(unit);
      for (const decl of unit.file.classes) {
        const fqn = unit.file.package ? `${unit.file.package}.${decl.name}` : decl.name;
        this.visitClass(this.project.classInfo(fqn, unit) ?? { fqn, decl, unit, outer: undefined });
      }
    }
    this.project.near = undefined;
    return { configs: [...this.units(), ...this.topicUnits()], apiCalls: this.sortedCalls() };
  }

  // -------------------------------------------------------------------------------------- classes

  private visitClass(cls: ClassInfo): void {
    for (const a of cls.decl.annotations) {
      const fqn = this.project.resolveType(a.name, { unit: cls.unit, cls: cls.outer });
      const api = fqn && KAFKA_ANNOTATIONS[fqn];
      if (api) this.api(api, 'spring', locate(cls.unit, a.at), `@${a.name.slice(a.name.lastIndexOf('.') + 1)}`);
    }
    // Fully qualified old Scala types in declarations (EH303).
    for (const f of cls.decl.fields) this.scalaUse(f.type, locate(cls.unit, f.at), cls.unit);
    for (const m of cls.decl.methods) for (const t of [m.returnType, ...m.params.map((p) => p.type)]) this.scalaUse(t, locate(cls.unit, m.nameAt), cls.unit);
    const fields = this.instanceState(cls);
    // Initializers and constructors first: they set the fields the other methods build clients from.
    for (const init of cls.decl.initializers) this.walkBody(cls, undefined, init.body, fields, 0);
    const ordered = [...cls.decl.methods.filter((m) => m.ctor), ...cls.decl.methods.filter((m) => !m.ctor)];
    for (const m of ordered) {
      this.listener(cls, m);
      if (m.body) this.walk(cls, m, fields, [], 0);
    }
    for (const c of cls.decl.classes) this.visitClass(this.project.classInfo(`${cls.fqn}.${c.name}`, cls.unit) ?? { fqn: `${cls.fqn}.${c.name}`, decl: c, unit: cls.unit, outer: cls });
  }

  /** Fields as a fresh instance has them: field initializers that build maps or Kafka objects, and declared types. */
  private instanceState(cls: ClassInfo): Map<string, Val> {
    const fields = new Map<string, Val>();
    const run = this.run_(cls, undefined, fields, 0);
    const frame = new Frame(undefined, run);
    for (const f of cls.decl.fields) {
      const val = f.init ? this.value(f.init, frame) : NONE;
      const kind = val.kind ?? this.kindOfType(f.type, cls);
      if (val.map || kind) fields.set(f.name, { ...(val.map ? { map: val.map } : {}), ...(kind ? { kind } : {}) });
    }
    // A map field filled in several methods is spread over places (not a closed unit).
    for (const v of fields.values()) {
      if (!v.map) continue;
      v.map.closed = false;
      v.map.inField = true;
    }
    return fields;
  }

  private run_(cls: ClassInfo, method: Method | undefined, fields: Map<string, Val>, depth: number, body?: unknown): MethodRun {
    const unstable = body ? new Set([...assignedNames(body), ...declaredTwice(body)]) : new Set<string>();
    return { cls, method, depth, fields, unstable, perRecord: false, returned: [], increases: [] };
  }

  /** Walks a method with arguments bound to its parameters; returns what it returns. */
  private walk(cls: ClassInfo, m: Method, fields: Map<string, Val>, args: Array<Val | undefined>, depth: number): Val[] {
    const run = this.run_(cls, m, fields, depth, m.body);
    const frame = new Frame(undefined, run);
    m.params.forEach((p, i) => {
      const given = args[i];
      const kind = given?.kind ?? this.kindOfType(p.type, cls);
      let map = given?.map;
      // A map parameter seen on its own: filled elsewhere, so its puts are explicit findings but never a closed unit.
      if (!map && !given && MAP_TYPES.test(p.type.replace(/<.*$/, ''))) map = this.newMap(cls.unit, locate(cls.unit, m.nameAt), false);
      frame.declare(p.name, { local: { init: undefined, stable: false, type: p.type, annotations: p.annotations, param: true }, val: { ...(map ? { map } : {}), ...(kind ? { kind } : {}) } });
    });
    this.stmts(m.body ?? [], frame);
    // A `@Bean` that returns a topic makes Spring's KafkaAdmin create it (catalog EH401).
    if (depth === 0 && annotated(m.annotations, 'Bean')) {
      for (const r of run.returned) if (r.topic) this.api('spring.topicBean', 'spring', r.topic.anchor, `@Bean ${m.name}()`);
    }
    return run.returned;
  }

  private walkBody(cls: ClassInfo, m: Method | undefined, body: Stmt[], fields: Map<string, Val>, depth: number): void {
    const run = this.run_(cls, m, fields, depth, body);
    this.stmts(body, new Frame(undefined, run));
  }

  // -------------------------------------------------------------------------------------- statements

  private stmts(list: readonly Stmt[], frame: Frame): void {
    for (const s of list) this.stmt(s, frame);
  }

  private ctx(frame: Frame): Context {
    return { unit: frame.method.cls.unit, cls: frame.method.cls, scope: frame };
  }

  private stmt(s: Stmt, frame: Frame): void {
    switch (s.k) {
      case 'var': {
        this.scalaUse(s.type, locate(frame.method.cls.unit, s.at), frame.method.cls.unit);
        let val = s.init ? this.value(s.init, frame) : NONE;
        // A map from somewhere the analysis cannot see (`kafkaProperties.buildConsumerProperties()`): its puts
        // are still explicit settings, but it is never a closed unit.
        if (s.init && !val.map && MAP_TYPES.test(s.type)) val = { ...val, map: this.newMap(frame.method.cls.unit, locate(frame.method.cls.unit, s.at), false) };
        const kind = val.kind ?? this.kindOfType(s.type, frame.method.cls);
        const stable = !frame.method.unstable.has(s.name);
        frame.declare(s.name, { local: { init: s.init, stable, type: s.type }, val: { ...val, ...(kind ? { kind } : {}) } });
        return;
      }
      case 'expr':
        this.value(s.e, frame);
        return;
      case 'return': {
        const v = s.e ? this.value(s.e, frame) : NONE;
        frame.method.returned.push(v);
        return;
      }
      case 'throw':
        this.value(s.e, frame);
        return;
      case 'if':
        this.value(s.test, frame);
        this.stmts(s.then, frame.child());
        if (s.else) this.stmts(s.else, frame.child());
        return;
      case 'loop': {
        const inner = frame.child();
        this.stmts(s.init, inner);
        if (s.test) this.value(s.test, inner);
        const was = frame.method.perRecord;
        if (s.each) {
          this.value(s.each.iterable, inner);
          inner.declare(s.each.name, { local: { init: undefined, stable: false, type: s.each.type }, val: NONE });
          if (/ConsumerRecord\b/.test(s.each.type) || /ConsumerRecords?\b/.test(this.typeOfExpr(s.each.iterable, frame) ?? '')) frame.method.perRecord = true;
        }
        this.stmts(s.body, inner.child());
        frame.method.perRecord = was;
        for (const u of s.update) this.value(u, inner);
        return;
      }
      case 'try': {
        const inner = frame.child();
        this.stmts(s.resources, inner);
        this.stmts(s.body, inner.child());
        for (const c of s.catches) this.stmts(c.body, frame.child());
        if (s.finally) this.stmts(s.finally, frame.child());
        return;
      }
      case 'block':
        this.stmts(s.body, frame.child());
        return;
      case 'switch':
        this.value(s.subject, frame);
        for (const c of s.cases) this.stmts(c, frame.child());
        return;
      case 'ctorCall': {
        const args = s.args.map((a) => this.value(a, frame));
        if (s.kind === 'super' && args.some((a) => a.map)) {
          const sup = frame.method.cls.decl.extends[0];
          const fqn = sup ? this.project.resolveType(sup, { unit: frame.method.cls.unit, cls: frame.method.cls.outer }) : undefined;
          const info = fqn ? this.project.classInfo(fqn) : undefined;
          if (info) this.intoProject(info, undefined, args, frame);
        }
        return;
      }
      case 'class':
        this.visitClass({ fqn: `${frame.method.cls.fqn}.${s.decl.name}`, decl: s.decl, unit: frame.method.cls.unit, outer: frame.method.cls });
        return;
      case 'other':
        for (const e of s.inner) this.value(e, frame);
    }
  }

  /** The declared type of a local, parameter or field an expression names (for `for (x : records)`). */
  private typeOfExpr(e: Expr, frame: Frame): string | undefined {
    if (e.k === 'name' && e.parts.length === 1) {
      const local = frame.lookup(e.parts[0]!);
      if (local) return local.type;
      return frame.method.cls.decl.fields.find((f) => f.name === e.parts[0])?.type;
    }
    if (e.k === 'call' && e.name === 'poll') return 'ConsumerRecords';
    return undefined;
  }

  // -------------------------------------------------------------------------------------- expressions

  private value(e: Expr, frame: Frame): Val {
    switch (e.k) {
      case 'name': {
        if (e.parts.length === 1) {
          const b = frame.binding(e.parts[0]!);
          if (b) return b.val;
          return frame.method.fields.get(e.parts[0]!) ?? NONE;
        }
        this.scalaUse(e.parts.join('.'), locate(frame.method.cls.unit, e.at), frame.method.cls.unit);
        return NONE;
      }
      case 'this':
        return NONE;
      case 'field':
        if (e.target.k === 'this') return frame.method.fields.get(e.name) ?? NONE;
        this.value(e.target, frame);
        return NONE;
      case 'assign': {
        const v = this.value(e.value, frame);
        if (e.op !== '=') return NONE;
        const t = e.target;
        if (t.k === 'name' && t.parts.length === 1) {
          const b = frame.binding(t.parts[0]!);
          if (b) b.val = { ...v, ...(b.val.kind && !v.kind ? { kind: b.val.kind } : {}) };
          else if (frame.method.fields.has(t.parts[0]!) || frame.method.cls.decl.fields.some((f) => f.name === t.parts[0])) {
            // A field keeps the kind its declared type gives it whatever is assigned.
            const was = frame.method.fields.get(t.parts[0]!);
            frame.method.fields.set(t.parts[0]!, { ...v, ...(was?.kind && !v.kind ? { kind: was.kind } : {}) });
          }
        } else if (t.k === 'field' && t.target.k === 'this') {
          const was = frame.method.fields.get(t.name);
          frame.method.fields.set(t.name, { ...v, ...(was?.kind && !v.kind ? { kind: was.kind } : {}) });
        } else this.value(t, frame);
        if (v.map && ((t.k === 'field' && t.target.k === 'this') || (t.k === 'name' && !frame.binding(t.parts[0]!)))) v.map.inField = true;
        return v;
      }
      case 'call':
        return this.call(e, frame);
      case 'new':
        return this.construct(e, frame);
      case 'lambda': {
        const inner = frame.child();
        for (const p of e.params) inner.declare(p, { local: { init: undefined, stable: false, type: '' }, val: NONE });
        if (Array.isArray(e.body)) this.stmts(e.body, inner);
        else this.value(e.body, inner);
        return NONE;
      }
      case 'cond': {
        this.value(e.test, frame);
        const a = this.value(e.then, frame);
        const b = this.value(e.else, frame);
        return a.map && a.map === b.map ? a : a.kind && a.kind === b.kind ? { kind: a.kind } : NONE;
      }
      case 'cast':
        return this.value(e.operand, frame);
      case 'bin':
        this.value(e.left, frame);
        this.value(e.right, frame);
        return NONE;
      case 'unary':
        this.value(e.operand, frame);
        return NONE;
      case 'instanceof':
        this.value(e.operand, frame);
        return NONE;
      case 'index':
        this.value(e.target, frame);
        this.value(e.index, frame);
        return NONE;
      case 'array':
        for (const x of e.elems) this.value(x, frame);
        return NONE;
      case 'mref':
        this.value(e.target, frame);
        return NONE;
      case 'switch':
        this.value(e.subject, frame);
        for (const c of e.cases) this.stmts(c, frame.child());
        return NONE;
      case 'other':
        for (const x of e.inner) this.value(x, frame);
        return NONE;
      default:
        return NONE;
    }
  }

  /** Whether an expression names a map the analysis follows (without walking it again). */
  private mapOf(e: Expr, frame: Frame): boolean {
    if (e.k === 'name' && e.parts.length === 1) return Boolean(frame.binding(e.parts[0]!)?.val.map ?? frame.method.fields.get(e.parts[0]!)?.map);
    return e.k === 'field' && e.target.k === 'this' && Boolean(frame.method.fields.get(e.name)?.map);
  }

  private evaluate(e: Expr, frame: Frame): Evaluated | undefined {
    return this.project.evaluate(e, this.ctx(frame));
  }

  /** The class a simple `Type` in a call target denotes, when the name is not a variable. */
  private staticOwner(target: Expr | undefined, frame: Frame): string | undefined {
    if (target?.k !== 'name') return undefined;
    if (target.parts.length === 1 && (frame.binding(target.parts[0]!) || frame.method.fields.has(target.parts[0]!))) return undefined;
    if (/^[a-z]/.test(target.parts[0]!) && target.parts.length === 1) return undefined;
    return this.project.resolveType(target.parts.join('.'), { unit: frame.method.cls.unit, cls: frame.method.cls });
  }

  private kindOfType(type: string, cls: ClassInfo): KafkaKind | undefined {
    if (!type || type === 'var') return undefined;
    const fqn = this.project.resolveType(type, { unit: cls.unit, cls });
    return fqn ? KAFKA_TYPES[fqn] : undefined;
  }

  private newMap(unit: JavaUnit, origin: Location, closed: boolean): ConfigMap {
    const m = new ConfigMap(this.maps.length, unit, origin, closed);
    this.maps.push(m);
    return m;
  }

  private copyMap(source: ConfigMap, origin?: Location): ConfigMap {
    const m = source.copy(this.maps.length, origin);
    this.maps.push(m);
    return m;
  }

  // -------------------------------------------------------------------------------------- entries

  /** A key written in code: its canonical text and the config class of its constant. */
  private keyOf(e: Expr, frame: Frame): { key: string; constant?: string } | undefined {
    const v = this.evaluate(e, frame);
    if (!v || typeof v.value !== 'string') return undefined;
    let constant: string | undefined;
    if (e.k === 'name' && e.parts.length > 1) {
      const owner = this.project.resolveType(e.parts.slice(0, -1).join('.'), this.ctx(frame));
      if (owner && KAFKA_STRING_CONSTANTS[owner]) constant = owner;
    } else if (e.k === 'name' && e.parts.length === 1) {
      const imp = frame.method.cls.unit.file.imports.find((i) => i.static && (i.name.endsWith(`.${e.parts[0]}`) || i.star) && KAFKA_STRING_CONSTANTS[i.star ? i.name : i.name.slice(0, i.name.lastIndexOf('.'))]);
      if (imp) constant = imp.star ? imp.name : imp.name.slice(0, imp.name.lastIndexOf('.'));
    } else if (e.k === 'call' && e.target?.k === 'name') {
      const owner = this.project.resolveType(e.target.parts.join('.'), this.ctx(frame));
      if (owner && KAFKA_STRING_CONSTANTS[owner]) constant = owner;
    }
    return { key: v.value, ...(constant ? { constant } : {}) };
  }

  private draft(keyExpr: Expr, key: string, valueExpr: Expr | undefined, frame: Frame, at?: Location): EntryDraft {
    const unit = frame.method.cls.unit;
    const v = valueExpr ? this.evaluate(valueExpr, frame) : undefined;
    const value = v ? text(v.value) : undefined;
    const spelling = keyExpr.k === 'lit' ? keyExpr.value : sourceText(unit, whole(keyExpr));
    const raw = value ?? (valueExpr ? sourceText(unit, whole(valueExpr)) : '');
    const draft: EntryDraft = { key, spelling, raw, value, fromDefault: Boolean(v?.fromDefault), location: at ?? locate(unit, keyExpr.at) };
    if (value === undefined && valueExpr) {
      const template = this.template(valueExpr, frame);
      if (template) draft.template = template;
    }
    return draft;
  }

  /**
   * The known text of a concatenation or `String.format` with unknown parts left as `${…}`: enough to see which
   * login module a JAAS line names while its password is read at run time. Undefined when nothing literal is in it.
   */
  private template(e: Expr, frame: Frame): string | undefined {
    let literal = false;
    const part = (x: Expr): string => {
      if (x.k === 'bin' && x.op === '+') return part(x.left) + part(x.right);
      const v = this.evaluate(x, frame);
      const t = v ? text(v.value) : undefined;
      if (t === undefined) return '${…}';
      literal ||= t.length > 0;
      return t;
    };
    if (e.k === 'bin' && e.op === '+') {
      const out = part(e);
      return literal ? out : undefined;
    }
    if (e.k === 'call' && e.name === 'format' && e.target?.k === 'name' && e.target.parts.join('.') === 'String' && e.args[0]) {
      const fmt = this.evaluate(e.args[0], frame);
      const f = fmt ? text(fmt.value) : undefined;
      if (f === undefined) return undefined;
      let i = 1;
      return f.replace(/%(\d+\$)?[-#+ 0,(]*\d*(\.\d+)?[sdfx]|%%/g, (m) => (m === '%%' ? '%' : e.args[i] ? part(e.args[i++]!) : '${…}'));
    }
    return undefined;
  }

  private put(map: ConfigMap, keyExpr: Expr | undefined, valueExpr: Expr | undefined, frame: Frame, ifAbsent = false): void {
    if (!keyExpr) return;
    const k = this.keyOf(keyExpr, frame);
    if (!k) {
      map.closed = false; // a key the analysis cannot read could be any key
      return;
    }
    if (k.constant) map.constants.add(k.constant);
    if (map.fromHelper) map.closed = false;
    if (ifAbsent && map.entries.some((x) => x.key === k.key)) return;
    map.entries.push(this.draft(keyExpr, k.key, valueExpr, frame));
  }

  private merge(into: ConfigMap, from: Val | undefined): void {
    if (!from?.map) {
      into.closed = false;
      return;
    }
    if (from.map === into) return;
    into.entries.push(...from.map.entries);
    for (const c of from.map.constants) into.constants.add(c);
    if (!from.map.closed) into.closed = false;
  }

  /** Entries of `Map.of(k, v, …)`, `Map.ofEntries(entry(k, v), …)`, `singletonMap(k, v)`. */
  private mapLiteral(args: readonly Expr[], frame: Frame, origin: Location): ConfigMap {
    const map = this.newMap(frame.method.cls.unit, origin, true);
    const pairs: Array<[Expr, Expr | undefined]> = [];
    if (args.every((a) => a.k === 'call' && a.name === 'entry' && a.args.length === 2)) {
      for (const a of args) if (a.k === 'call') pairs.push([a.args[0]!, a.args[1]]);
    } else for (let i = 0; i + 1 < args.length; i += 2) pairs.push([args[i]!, args[i + 1]]);
    if (args.length % 2 === 1 && !args.every((a) => a.k === 'call' && a.name === 'entry')) map.closed = false;
    for (const [k, v] of pairs) this.put(map, k, v, frame);
    for (const a of args) this.value(a, frame);
    return map;
  }

  // -------------------------------------------------------------------------------------- constructions

  private construct(e: Extract<Expr, { k: 'new' }>, frame: Frame): Val {
    const unit = frame.method.cls.unit;
    const fqn = this.project.resolveType(e.type, this.ctx(frame)) ?? e.type;
    const simple = e.type.slice(e.type.lastIndexOf('.') + 1);
    const at = locate(unit, e.at);

    if (MAP_TYPES.test(fqn) || MAP_TYPES.test(simple)) {
      const first = e.args[0];
      const source = first ? this.value(first, frame) : undefined;
      const map = source?.map ? this.copyMap(source.map, at) : this.newMap(unit, at, !first || this.isNumber(first, frame));
      if (e.body) {
        // Double-brace initialization: `new HashMap<>() {{ put(k, v); }}`.
        const run = this.run_(frame.method.cls, frame.method.method, frame.method.fields, frame.method.depth, e.body.initializers);
        run.implicitMap = map;
        const inner = new Frame(frame, run);
        for (const init of e.body.initializers) this.stmts(init.body, inner);
      }
      return { map };
    }

    const args = e.args.map((a) => this.value(a, frame));
    const client = CLIENT_CONSTRUCTORS[fqn];
    if (client) this.reach(args, client, at, simple);
    // The legacy FlinkKafkaProducer takes its delivery semantic as a constructor argument.
    if (fqn === 'org.apache.flink.streaming.connectors.kafka.FlinkKafkaProducer') for (const a of e.args) this.exactlyOnce(a, frame, locate(unit, a.at));
    const scala = OLD_SCALA_CONFIGS[fqn];
    const scalaMap = scala ? args.find((a) => a.map)?.map : undefined;
    if (scala && scalaMap) {
      // The old Scala clients' configs: their ZooKeeper keys are findings, but they are never units for absence.
      scalaMap.clients.push({ role: scala, library: 'java', at, label: `${e.type} (pre-1.0 Scala client)` });
      scalaMap.closed = false;
    }
    this.scalaUse(e.type, at, unit);
    const api = KAFKA_NEWS[fqn];
    if (api) this.api(api, api.startsWith('spring') ? 'spring' : 'java', at, `new ${simple}(…)`);

    switch (fqn) {
      case 'org.apache.kafka.clients.admin.NewTopic':
        return { kind: 'topic', topic: this.newTopic(e, frame, at) };
      case 'org.apache.kafka.clients.admin.ConfigEntry': {
        const [k, v] = e.args;
        const key = k ? this.keyOf(k, frame) : undefined;
        if (key && k) {
          frame.method.alter ??= this.topic(at, 'altered topic configuration');
          frame.method.alter.entries.push({ ...this.draft(k, key.key, v, frame), scope: 'topic' });
        }
        return NONE;
      }
      case 'org.apache.kafka.clients.consumer.OffsetAndMetadata': {
        const metadata = e.args[1] ? this.evaluate(e.args[1], frame) : undefined;
        if (metadata && typeof metadata.value === 'string') this.api('consumer.offsetMetadata', 'java', at, 'new OffsetAndMetadata(…)', { bytes: String(Buffer.byteLength(metadata.value, 'utf8')) });
        return NONE;
      }
      case 'org.springframework.kafka.core.KafkaAdmin.NewTopics':
        if (frame.method.depth === 0 && frame.method.method && annotated(frame.method.method.annotations, 'Bean')) {
          for (const a of args) if (a.topic) this.api('spring.topicBean', 'spring', a.topic.anchor, `@Bean ${frame.method.method.name}()`);
        }
        return NONE;
    }

    const info = this.project.classInfo(fqn);
    if (info && args.some((a) => a.map)) this.intoProject(info, undefined, args, frame, e.args.length);
    if (e.body) {
      // An anonymous class's methods run with the enclosing method's locals in reach.
      for (const m of e.body.methods) if (m.body) this.stmts(m.body, frame.child());
      for (const init of e.body.initializers) this.stmts(init.body, frame.child());
    }
    return KAFKA_TYPES[fqn] ? { kind: KAFKA_TYPES[fqn] } : NONE;
  }

  private isNumber(e: Expr, frame: Frame): boolean {
    const v = this.evaluate(e, frame);
    return typeof v?.value === 'bigint';
  }

  /** A configuration map reaches a client: the first argument that is a map is its configuration. */
  private reach(args: readonly Val[], client: ClientEntry, at: Location, label: string): void {
    const map = args.find((a) => a.map)?.map;
    if (map) map.clients.push({ role: client.role, library: client.library, at, label });
  }

  private topic(anchor: Location, label: string): TopicDraft {
    const t = new TopicDraft(anchor, label);
    this.topics.push(t);
    return t;
  }

  /** `new NewTopic(name, partitions, replicationFactor)`, also with `Optional`s (catalog EH202, EH402 at the `new`). */
  private newTopic(e: Extract<Expr, { k: 'new' }>, frame: Frame, at: Location): TopicDraft {
    const name = e.args[0] ? this.evaluate(e.args[0], frame) : undefined;
    const t = this.topic(at, `topic ${typeof name?.value === 'string' ? name.value : 'NewTopic'}`);
    const [, partitions, replication] = e.args;
    if (partitions && replication) {
      this.topicSetting(t, PSEUDO_KEYS.partitions, 'numPartitions', partitions, frame, at);
      this.topicSetting(t, 'replication.factor', 'replicationFactor', replication, frame, at);
    }
    return t;
  }

  /** A partition count or replication factor the code passes; `Optional.empty()` means the broker default. */
  private topicSetting(t: TopicDraft, key: string, spelling: string, valueExpr: Expr, frame: Frame, at: Location): void {
    const v = this.evaluate(valueExpr, frame);
    if (v && typeof v.value === 'object' && v.value !== null && 'empty' in v.value) return;
    const value = v ? text(v.value) : undefined;
    t.entries.push({ key, spelling, raw: value ?? sourceText(frame.method.cls.unit, whole(valueExpr)), value, fromDefault: Boolean(v?.fromDefault), location: at, scope: 'topic' });
  }

  // -------------------------------------------------------------------------------------- calls

  private call(e: Extract<Expr, { k: 'call' }>, frame: Frame): Val {
    const unit = frame.method.cls.unit;
    const at = locate(unit, e.at);
    if (e.target?.k === 'name' && e.target.parts.length > 1) this.scalaUse(e.target.parts.join('.'), locate(unit, e.start), unit);
    const owner = this.staticOwner(e.target, frame);
    const target = e.target && !owner ? this.value(e.target, frame) : NONE;

    // Mutations of a configuration map.
    const map = target.map ?? (!e.target ? frame.method.implicitMap : undefined);
    if (map && (e.target || frame.method.implicitMap)) {
      if (PUTS.has(e.name) && e.args.length === 2) {
        for (const a of e.args) this.value(a, frame);
        this.put(map, e.args[0], e.args[1], frame, e.name === 'putIfAbsent');
        return NONE;
      }
      if (e.name === 'putAll' && e.args[0]) {
        this.merge(map, this.value(e.args[0], frame));
        return NONE;
      }
      if (e.name === 'load' || e.name === 'putAllIfAbsent' || e.name === 'compute' || e.name === 'merge') {
        for (const a of e.args) this.value(a, frame);
        map.closed = false;
        return NONE;
      }
      if (e.name === 'remove' && e.args[0]) {
        const k = this.keyOf(e.args[0], frame);
        if (k) map.entries = map.entries.filter((x) => x.key !== k.key);
        else map.closed = false;
        return NONE;
      }
      if (e.name === 'clear') {
        map.entries = [];
        return NONE;
      }
    }

    // Builder chains whose options are a configuration: Spark's format("kafka"), Flink's KafkaSource/KafkaSink.
    const chained = target.builder;
    if (chained) return this.builderCall(e, chained, frame);
    if (e.name === 'format' && e.args.length === 1 && e.target) {
      const f = this.evaluate(e.args[0]!, frame);
      if (f?.value === 'kafka') {
        const role = this.sparkRole(e.target);
        const m = this.newMap(unit, at, false);
        if (role) m.clients.push({ role, library: 'java', at, label: role === 'producer' ? 'Spark Kafka sink' : 'Spark Kafka source' });
        return { builder: m };
      }
    }

    const args = e.args.map((a) => this.value(a, frame));
    // Kafka's Serializer/Deserializer/Serde `configure(Map<String, ?> configs, boolean isKey)`: a client setting map.
    if (e.name === 'configure' && args.length === 2 && args[0]!.map && e.args[1]!.k === 'lit' && e.args[1]!.type === 'bool') {
      args[0]!.map.clients.push({ role: undefined, library: 'java', at, label: 'serde configuration' });
      args[0]!.map.closed = false;
    }

    if (owner) {
      const fn = `${owner}.${e.name}`;
      const factory = CLIENT_FACTORIES[fn];
      if (factory) {
        this.reach(args, factory, at, `${owner.slice(owner.lastIndexOf('.') + 1)}.${e.name}`);
        return { kind: factory.role === 'admin' ? 'admin' : 'producer' };
      }
      if (MAP_FACTORIES.has(fn)) return { map: this.mapLiteral(e.args, frame, at) };
      if (fn === 'java.util.Collections.unmodifiableMap' || fn === 'java.util.Collections.synchronizedMap') return args[0] ?? NONE;
      if (fn === 'org.springframework.kafka.config.TopicBuilder.name') {
        const name = e.args[0] ? this.evaluate(e.args[0], frame) : undefined;
        return { kind: 'topic-builder', topic: this.topic(locate(unit, e.start), `topic ${typeof name?.value === 'string' ? name.value : 'TopicBuilder'}`) };
      }
      if (fn === 'org.apache.kafka.clients.admin.NewPartitions.increaseTo') {
        const fact = this.api('partitions.increaseTo', 'java', at, 'NewPartitions.increaseTo(…)');
        if (fact) frame.method.increases.push(fact);
        const t = this.topic(at, 'NewPartitions');
        if (e.args[0]) this.topicSetting(t, PSEUDO_KEYS.partitions, 'NewPartitions.increaseTo', e.args[0], frame, at);
        return NONE;
      }
      if (fn === 'org.apache.flink.connector.kafka.source.KafkaSource.builder' || fn === 'org.apache.flink.connector.kafka.sink.KafkaSink.builder') {
        const role: Role = fn.endsWith('KafkaSource.builder') ? 'consumer' : 'producer';
        const m = this.newMap(unit, at, false);
        m.clients.push({ role, library: 'java', at, label: role === 'consumer' ? 'Flink KafkaSource' : 'Flink KafkaSink' });
        return { builder: m };
      }
      const info = this.project.classInfo(owner);
      if (info) return this.intoProject(info, e.name, args, frame, e.args.length);
      return NONE;
    }
    // A project helper receiving a map (`KafkaUtils.secure(props)`) whose class is not parsed yet: ask for it.
    if (e.target?.k === 'name' && /^[A-Z]/.test(e.target.parts[0]!) && !frame.binding(e.target.parts[0]!) && e.args.some((a) => this.mapOf(a, frame))) {
      this.project.resolveType(e.target.parts.join('.'), this.ctx(frame), true);
    }

    // Calls on Kafka objects.
    const kind = target.kind;
    if (kind) {
      const api = KAFKA_CALLS[kind]?.[e.name];
      if (api) this.api(api, kind === 'template' || kind === 'producer-factory' || kind === 'spring-admin' ? 'spring' : 'java', at, `${e.name}()`);
      if (api === 'admin.createPartitions') {
        for (const f of frame.method.increases.splice(0)) this.calls.splice(this.calls.indexOf(f), 1);
      }
      if (kind === 'consumer' && /^commit(Sync|Async)$/.test(e.name) && frame.method.perRecord) this.api('consumer.commitPerRecord', 'java', at, `${e.name}()`);
      if ((kind === 'topic' || kind === 'topic-builder') && target.topic) return this.topicCall(e, target.topic, kind, frame);
      if (kind === 'container-properties' && e.name === 'setAckMode' && e.args[0]) {
        const mode = this.evaluate(e.args[0], frame);
        if (mode && typeof mode.value === 'object' && mode.value && 'enum' in mode.value) this.api('spring.ackMode', 'spring', at, `setAckMode(${mode.value.name})`, { mode: mode.value.name });
      }
      if (kind === 'template' && e.name === 'getProducerFactory') return { kind: 'producer-factory' };
      if (kind === 'producer-factory' && e.name === 'createProducer') return { kind: 'producer' };
      return NONE;
    }
    if (e.name === 'getContainerProperties') return { kind: 'container-properties' };
    if (e.name === 'setDeliveryGuarantee' || e.name === 'setSemantic') this.exactlyOnce(e.args[0], frame, at);

    // Project methods of this class (or its outer classes) called without a receiver or on `this`.
    if (!e.target || e.target.k === 'this') {
      for (let c: ClassInfo | undefined = frame.method.cls; c; c = c.outer) {
        if (c.decl.methods.some((m) => m.name === e.name && !m.ctor)) return this.intoProject(c, e.name, args, frame, e.args.length, true);
      }
      return NONE;
    }
    // Instance methods of project objects: `settings.apply(props)` with `Settings settings`.
    if (e.target.k === 'name' && e.target.parts.length === 1) {
      const name = e.target.parts[0]!;
      const type = frame.lookup(name)?.type ?? frame.method.cls.decl.fields.find((f) => f.name === name)?.type;
      const fqn = type ? this.project.resolveType(type, this.ctx(frame)) : undefined;
      const info = fqn ? this.project.classInfo(fqn) : undefined;
      if (info) return this.intoProject(info, e.name, args, frame, e.args.length);
    }
    return NONE;
  }

  /** Flink's `DeliveryGuarantee.EXACTLY_ONCE` / `Semantic.EXACTLY_ONCE` runs on Kafka transactions (EH206). */
  private exactlyOnce(arg: Expr | undefined, frame: Frame, at: Location): void {
    const v = arg ? this.evaluate(arg, frame) : undefined;
    if (v && typeof v.value === 'object' && v.value && 'enum' in v.value && v.value.name === 'EXACTLY_ONCE' && /flink/.test(v.value.enum)) {
      this.api('flink.exactlyOnce', 'flink', at, `${v.value.enum.slice(v.value.enum.lastIndexOf('.') + 1)}.EXACTLY_ONCE`);
    }
  }

  /** `spark.readStream().format("kafka")` reads (consumer), `df.writeStream().format("kafka")` writes (producer). */
  private sparkRole(target: Expr): Role | undefined {
    for (let t: Expr | undefined = target; t; t = t.k === 'call' ? t.target : t.k === 'field' ? t.target : undefined) {
      const name = t.k === 'call' || t.k === 'field' ? t.name : t.k === 'name' ? t.parts.at(-1) : undefined;
      if (name === 'readStream' || name === 'read') return 'consumer';
      if (name === 'writeStream' || name === 'write') return 'producer';
    }
    return undefined;
  }

  private builderCall(e: Extract<Expr, { k: 'call' }>, m: ConfigMap, frame: Frame): Val {
    const keep: Val = { builder: m };
    const [a, b] = e.args;
    switch (e.name) {
      case 'option':
        if (a && b) {
          const k = this.keyOf(a, frame);
          if (k && k.key.startsWith('kafka.')) m.entries.push(this.draft(a, k.key.slice('kafka.'.length), b, frame));
        }
        return keep;
      case 'setProperty':
        if (a && b) this.put(m, a, b, frame);
        return keep;
      case 'setBootstrapServers':
        if (a) m.entries.push({ ...this.draft(a, 'bootstrap.servers', a, frame, locate(frame.method.cls.unit, e.at)), spelling: 'setBootstrapServers' });
        return keep;
      case 'setGroupId':
        if (a) m.entries.push({ ...this.draft(a, 'group.id', a, frame, locate(frame.method.cls.unit, e.at)), spelling: 'setGroupId' });
        return keep;
      case 'setProperties':
      case 'setKafkaProducerConfig':
        if (a) this.merge(m, this.value(a, frame));
        return keep;
      case 'setDeliveryGuarantee':
        this.exactlyOnce(a, frame, locate(frame.method.cls.unit, e.at));
        return keep;
      default:
        for (const x of e.args) this.value(x, frame);
        return keep;
    }
  }

  /** `TopicBuilder` setters and `NewTopic.configs(…)`: each setting at its own line (catalog §2.4). */
  private topicCall(e: Extract<Expr, { k: 'call' }>, t: TopicDraft, kind: KafkaKind, frame: Frame): Val {
    const unit = frame.method.cls.unit;
    const at = locate(unit, e.at);
    const [a, b] = e.args;
    switch (e.name) {
      case 'partitions':
        if (a) this.topicSetting(t, PSEUDO_KEYS.partitions, 'partitions', a, frame, at);
        break;
      case 'replicas':
        if (a) this.topicSetting(t, 'replication.factor', 'replicas', a, frame, at);
        break;
      case 'compact':
        t.entries.push({ key: 'cleanup.policy', spelling: 'compact()', raw: 'compact', value: 'compact', fromDefault: false, location: at, scope: 'topic' });
        break;
      case 'config':
        if (a && b) {
          const k = this.keyOf(a, frame);
          if (k) t.entries.push({ ...this.draft(a, k.key, b, frame), scope: 'topic' });
        }
        break;
      case 'configs':
        if (a) {
          const v = this.value(a, frame);
          if (v.map) t.entries.push(...v.map.entries.map((x) => ({ ...x, scope: 'topic' as const })));
        }
        break;
      case 'build':
        return { kind: 'topic', topic: t };
    }
    return { kind, topic: t };
  }

  /**
   * A project method or constructor receiving maps: walked with the arguments bound, so its puts land in the
   * caller's map, and a map it hands to a client (directly or through a field another method reads) reaches it.
   */
  private intoProject(info: ClassInfo, name: string | undefined, args: Val[], frame: Frame, arity = args.length, sameInstance = false): Val {
    const methods = info.decl.methods.filter((m) => (name === undefined ? m.ctor : m.name === name && !m.ctor) && m.params.length === arity);
    const m = methods[0];
    if (!m?.body) return NONE;
    if (isElided(m.body)) {
      // Its body was not parsed (./slice.ts): a map handed to it may be changed there.
      for (const a of args) if (a.map) a.map.closed = false;
      const kind = this.kindOfType(m.returnType, info);
      return kind ? { kind } : NONE;
    }
    const returnsMap = MAP_TYPES.test(m.returnType.replace(/<.*$/, ''));
    const returnsKind = this.kindOfType(m.returnType, info);
    if (!args.some((a) => a.map || a.kind) && !returnsMap) return returnsKind ? { kind: returnsKind } : NONE;
    if (frame.method.depth >= MAX_DEPTH) return NONE;
    const key = `${info.fqn}#${m.name}/${m.params.length}:${args.map((a) => a.map?.id ?? '-').join(',')}`;
    if (this.active.has(key)) return NONE;
    this.active.add(key);
    try {
      const fields = sameInstance ? frame.method.fields : new Map<string, Val>();
      const returned = this.walk(info, m, fields, args, frame.method.depth + 1);
      if (!sameInstance && m.ctor) {
        // The object keeps the maps its constructor stored: its other methods may build the client from them.
        const held = [...fields.entries()].filter(([, v]) => v.map);
        if (held.length > 0) for (const other of info.decl.methods) if (!other.ctor && other.body) this.walk(info, other, fields, [], frame.method.depth + 1);
      }
      const map = returned.find((r) => r.map)?.map;
      if (map) {
        const copy = this.copyMap(map);
        copy.fromHelper = true;
        return { map: copy };
      }
      const kind = returned.find((r) => r.kind)?.kind ?? returnsKind;
      const topic = returned.find((r) => r.topic)?.topic;
      return { ...(kind ? { kind } : {}), ...(topic ? { topic } : {}) };
    } finally {
      this.active.delete(key);
    }
  }

  // -------------------------------------------------------------------------------------- annotations & imports

  /** `@KafkaListener(groupId = …, properties = {"k=v"})`: a consumer configuration written in an annotation. */
  private listener(cls: ClassInfo, m: Method): void {
    const a = annotated(m.annotations, 'KafkaListener');
    if (!a) return;
    const frame = new Frame(undefined, this.run_(cls, m, new Map(), 0));
    const map = this.newMap(cls.unit, locate(cls.unit, a.at), false);
    map.clients.push({ role: 'consumer', library: 'java', at: locate(cls.unit, a.at), label: '@KafkaListener' });
    const group = a.args.groupId;
    if (group) map.entries.push(this.draft(group, 'group.id', group, frame));
    const props = a.args.properties;
    for (const p of props?.k === 'array' ? props.elems : props ? [props] : []) {
      const v = this.evaluate(p, frame);
      const kv = typeof v?.value === 'string' ? /^\s*([^=:\s]+)\s*[=:]\s*(.*)$/.exec(v.value) : null;
      if (!kv) continue;
      map.entries.push({ key: kv[1]!, spelling: kv[1]!, raw: kv[2]!, value: kv[2]!.trim(), fromDefault: false, location: locate(cls.unit, p.at) });
    }
    if (map.entries.length === 0) map.clients.length = 0;
  }

  /**
   * A pre-1.0 Scala client or ZooKeeper admin class written fully qualified, without an import: one finding at its
   * first use in the file (catalog EH303).
   */
  private scalaUse(name: string, at: Location, unit: JavaUnit): void {
    if (!/^(kafka|org\.I0Itec)\./.test(name)) return;
    const cls = [...OLD_SCALA_CLASSES].find((c) => name === c || name.startsWith(`${c}.`)) ?? (OLD_SCALA_PACKAGES.some((p) => name.startsWith(`${p}.`) && /^[A-Z]/.test(name.slice(p.length + 1))) ? name.replace(/^((?:[a-z]\w*\.)+[A-Z]\w*).*$/, '$1') : undefined);
    if (!cls || unit.file.imports.some((i) => i.name === cls || i.name.startsWith(`${cls}.`))) return;
    const key = `${unit.path}|${cls}`;
    if (this.scalaSeen.has(key)) return;
    this.scalaSeen.add(key);
    this.api('scala.use', 'java', at, cls);
  }

  /** The pre-1.0 Scala clients and ZooKeeper admin classes, one finding per import line (catalog EH303). */
  private imports(unit: JavaUnit): void {
    for (const i of unit.file.imports) {
      // `import a.b.C;`, `import a.b.*;`, `import static a.b.C.m;`, `import static a.b.C.*;`
      const cls = i.static && !i.star ? i.name.slice(0, i.name.lastIndexOf('.')) : i.name;
      const pkg = i.star && !i.static ? i.name : cls.slice(0, cls.lastIndexOf('.'));
      const old = OLD_SCALA_PACKAGES.includes(pkg) || OLD_SCALA_CLASSES.includes(cls) || (i.star && !i.static && i.name === 'org.I0Itec.zkclient');
      if (old) this.api('scala.import', 'java', locate(unit, i.at), `${i.static ? 'static ' : ''}${i.star ? `${i.name}.*` : i.name}`);
    }
  }

  // -------------------------------------------------------------------------------------- facts

  private api(api: string, library: string, location: Location, spelling: string, values?: Record<string, string>): ApiCall | undefined {
    const key = `${api}|${location.file}|${location.line}|${location.column}`;
    if (this.callKeys.has(key)) return undefined;
    this.callKeys.add(key);
    const call: ApiCall = { api, library, spelling, location, ...(values ? { values } : {}) };
    this.calls.push(call);
    return call;
  }

  private sortedCalls(): ApiCall[] {
    return this.calls.sort((a, b) => (a.location.file < b.location.file ? -1 : a.location.file > b.location.file ? 1 : a.location.line - b.location.line || a.location.column - b.location.column));
  }

  /** Configuration maps as units: those that reach a client, and those written with Kafka's config constants. */
  private *units(): Generator<ClientConfig> {
    const seen = new Set<string>();
    const withClient = new Set<string>();
    const origin = (m: ConfigMap) => `${m.origin.file}:${m.origin.line}:${m.origin.column}`;
    for (const m of this.maps) if (m.clients.length > 0) withClient.add(origin(m));
    for (const m of this.maps) {
      if (m.entries.length === 0 && m.clients.length === 0) continue;
      if (m.clients.length === 0 && (m.constants.size === 0 || m.inField || withClient.has(origin(m)))) continue;
      const library = m.clients.some((c) => c.library === 'streams') || (m.clients.length === 0 && m.constants.has('org.apache.kafka.streams.StreamsConfig')) ? 'streams' : 'java';
      const roles = new Set<Role>(m.clients.flatMap((c) => (c.role ? [c.role] : [])));
      if (m.clients.length === 0) for (const c of m.constants) if (ROLE_OF_CONSTANTS[c]) roles.add(ROLE_OF_CONSTANTS[c]!);
      if (library === 'streams') for (const r of ['producer', 'consumer', 'admin'] as const) roles.add(r);
      const anchor = m.clients[0]?.at ?? m.origin;
      const entries = m.entries.map((d): ConfigEntry => {
        let key = d.key;
        let scope: EntryScope = 'common';
        let group: string | undefined;
        if (library === 'streams') {
          const p = STREAMS_PREFIXES.find(([prefix]) => key.startsWith(prefix) && key.length > prefix.length);
          if (p) {
            key = key.slice(p[0].length);
            scope = p[1];
            group = p[2];
          }
        }
        const e: ConfigEntry = { key, spelling: d.spelling, raw: d.raw, value: d.value, scope, location: d.location };
        if (d.template !== undefined) e.template = d.template;
        if (group) e.group = group;
        if (d.fromDefault) e.fromDefault = true;
        return e;
      });
      const signature = `${origin(m)}|${[...roles].sort().join(',')}|${library}|${m.closed}|${entries.map((e) => `${e.location.line}:${e.location.column}`).join(',')}`;
      if (seen.has(signature)) continue;
      seen.add(signature);
      const labels = [...new Set(m.clients.map((c) => c.label))];
      yield {
        id: `${m.unit.path}#java:${anchor.line}:${anchor.column}:${m.id}`,
        library,
        roles: [...roles].sort(),
        anchor,
        closed: m.closed && m.clients.length > 0,
        entries,
        ...(labels.length > 0 ? { label: labels.join(', ') } : {}),
      };
    }
  }

  private *topicUnits(): Generator<ClientConfig> {
    for (const t of this.topics) {
      if (t.entries.length === 0) continue;
      yield {
        id: `${t.anchor.file}#topic:${t.anchor.line}:${t.anchor.column}`,
        library: 'java',
        roles: [],
        anchor: t.anchor,
        closed: false,
        entries: t.entries.map(({ fromDefault, ...d }) => ({ key: d.key, spelling: d.spelling, raw: d.raw, value: d.value, scope: d.scope, location: d.location, ...(fromDefault ? { fromDefault } : {}) })),
        label: t.label,
      };
    }
  }
}

export function analyzeJava(project: JavaProject): JavaFacts {
  return new JavaAnalysis(project).run();
}

