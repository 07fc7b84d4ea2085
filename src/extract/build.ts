// Resolves dependency versions across build files (Maven parents, properties, BOMs; Gradle variables, properties,
// version catalogs; npm lockfiles) into Dependency facts located where the version to change is written.
import path from 'node:path';
import semver from 'semver';
import type { Dependency, Location } from '../facts.js';
import { libraryKind, NPM_KAFKA_PACKAGES } from '../kafka/libraries.js';
import { fromTable, lineRow, SPRING_BOOT_MANAGED, SPRING_KAFKA_CLIENTS } from '../kafka/versions.js';
import type { BuildFile, GradleBuild, GradleDependency, Located, Lockfile, MavenDependency, MavenPom, NpmPackage, VersionCatalog } from './build-types.js';
import { resolvedVersion } from './lockfiles.js';

/** A version with where it is written and how it was found. */
interface Resolution {
  value: string | undefined;
  location: Location | undefined;
  via?: string;
}

/**
 * Spring Boot's dependency management as a project sees it. Boot parents and the Gradle dependency-management
 * plugin let the project's `spring-kafka.version`/`kafka.version` properties override it; an imported BOM
 * (`<scope>import</scope>`, Gradle `platform()`) does not see the importing project's properties.
 */
interface Boot {
  version: Resolution;
  property: (name: string) => Resolution | undefined;
}

const BOOT_GROUP = 'org.springframework.boot';
const BOOT_ARTIFACTS = new Set(['spring-boot-starter-parent', 'spring-boot-dependencies']);
const KAFKA_ARTIFACT = /^org\.apache\.kafka:(kafka-clients|kafka-streams|kafka_2\.[\d.]+)$/;

/** What Spring Boot manages for a Kafka artifact (catalog §6.3), exact for x.y.0 releases, else the line. */
function bootManaged(name: string, boot: Boot | undefined): Resolution | undefined {
  const release = boot?.version.value;
  if (!boot || !release) return undefined;
  const row = lineRow(SPRING_BOOT_MANAGED, release);
  if (!row) return undefined;
  const via = `Spring Boot ${release}`;
  if (name === 'org.springframework.kafka:spring-kafka') {
    const override = boot.property('spring-kafka.version');
    if (override?.value) return { ...override, via: `property spring-kafka.version over ${via}` };
    return { value: fromTable(row.springKafka, release), location: boot.version.location, via };
  }
  if (KAFKA_ARTIFACT.test(name) && row.kafkaClients) {
    // Boot 2.1+ takes every Kafka artifact from its `kafka.version` property.
    const override = boot.property('kafka.version');
    if (override?.value) return { ...override, via: `property kafka.version over ${via}` };
    return { value: fromTable(row.kafkaClients, release), location: boot.version.location, via };
  }
  return undefined;
}

/**
 * The kafka-clients a spring-kafka dependency runs with: an explicit or managed kafka-clients of the module
 * (test jars aside), else Spring Boot's, else what the spring-kafka release builds on (catalog §6.2).
 */
function springKafkaClients(spring: Resolution, clients: Resolution | undefined, explicit: boolean): Dependency['kafkaClients'] {
  if (clients?.value && clients.location) return { value: clients.value, location: clients.location, via: clients.via ?? 'kafka-clients', explicit };
  const row = spring.value ? lineRow(SPRING_KAFKA_CLIENTS, spring.value) : undefined;
  if (!row || !spring.location || !spring.value) return undefined;
  const via = `what spring-kafka ${spring.value} builds on${spring.via ? `; spring-kafka from ${spring.via}` : ''}`;
  return { value: fromTable(row, spring.value), location: spring.location, via, explicit: false };
}

/** Maven version ranges (`[1.0,2.0)`) are resolved by the repository, which the scanner never asks. */
const isRange = (v: string | undefined) => v !== undefined && /^[[(]/.test(v.trim());

// ---------------------------------------------------------------------------------------------------- Maven

class MavenProject {
  private readonly byPath = new Map<string, MavenPom>();
  private readonly byCoordinates = new Map<string, MavenPom>();

  constructor(poms: readonly MavenPom[]) {
    for (const pom of poms) {
      this.byPath.set(pom.file, pom);
      const group = pom.groupId ?? pom.parent?.groupId;
      if (group && pom.artifactId) this.byCoordinates.set(`${group}:${pom.artifactId}`, pom);
    }
  }

  /** The parent pom in the scan: by relativePath (default `../pom.xml`), else by coordinates. */
  parentOf(pom: MavenPom): MavenPom | undefined {
    if (!pom.parent) return undefined;
    const key = `${pom.parent.groupId}:${pom.parent.artifactId}`;
    let rel = pom.parent.relativePath ?? '../pom.xml';
    if (!rel.endsWith('.xml')) rel = path.posix.join(rel, 'pom.xml');
    const byPath = this.byPath.get(path.posix.normalize(path.posix.join(path.posix.dirname(pom.file), rel)));
    const found = byPath && `${byPath.groupId ?? byPath.parent?.groupId}:${byPath.artifactId}` === key ? byPath : this.byCoordinates.get(key);
    return found === pom ? undefined : found;
  }

  /** The pom and its ancestors in the scan, child first (cycles cut). */
  chain(pom: MavenPom): MavenPom[] {
    const out: MavenPom[] = [];
    for (let p: MavenPom | undefined = pom; p && !out.includes(p); p = this.parentOf(p)) out.push(p);
    return out;
  }

  /** Effective properties, a child's overriding its parents', plus the project's own coordinates. */
  properties(chain: readonly MavenPom[]): Map<string, Located> {
    const props = new Map<string, Located>();
    for (const p of [...chain].reverse()) for (const [k, v] of Object.entries(p.properties)) props.set(k, v);
    const self = chain[0];
    const version = self?.version ?? self?.parent?.version;
    if (version) for (const k of ['project.version', 'pom.version', 'version']) if (!props.has(k)) props.set(k, version);
    if (self?.parent?.version) props.set('project.parent.version', self.parent.version);
    return props;
  }

  /** `${a}` → `${b}` → `1.0`: the literal and where it is written; unknown when a property is missing. */
  static interpolate(text: Located, props: Map<string, Located>, depth = 0): Resolution {
    const whole = /^\$\{([^}]+)\}$/.exec(text.value);
    if (whole) {
      const prop = props.get(whole[1]!);
      if (!prop || depth > 10) return { value: undefined, location: text.location };
      const inner = MavenProject.interpolate(prop, props, depth + 1);
      return { ...inner, via: inner.via ?? `property ${whole[1]}` };
    }
    if (!text.value.includes('${')) return { value: text.value, location: text.location };
    let unknown = false;
    const value = text.value.replace(/\$\{([^}]+)\}/g, (_, name: string) => {
      const prop = props.get(name);
      const inner = prop && depth <= 10 ? MavenProject.interpolate(prop, props, depth + 1).value : undefined;
      if (inner === undefined) unknown = true;
      return inner ?? '';
    });
    return { value: unknown ? undefined : value, location: text.location };
  }

  /** Spring Boot from the parent chain (starter parent or dependencies as parent) or an imported Boot BOM. */
  boot(chain: readonly MavenPom[], props: Map<string, Located>): Boot | undefined {
    const property = (name: string) => {
      const p = props.get(name);
      return p ? MavenProject.interpolate(p, props) : undefined;
    };
    for (const p of chain) {
      if (p.parent && p.parent.groupId === BOOT_GROUP && BOOT_ARTIFACTS.has(p.parent.artifactId) && p.parent.version) {
        return { version: MavenProject.interpolate(p.parent.version, props), property };
      }
      const bom = p.managed.find((m) => m.groupId === BOOT_GROUP && m.artifactId === 'spring-boot-dependencies' && m.scope === 'import' && m.version);
      if (bom?.version) return { version: MavenProject.interpolate(bom.version, props), property: () => undefined };
    }
    return undefined;
  }

  /**
   * A version from dependencyManagement: entries of the pom and its parents first (they win over imports, as
   * Maven merges imports only for keys not managed yet), then BOMs imported there that are part of the scan.
   */
  managed(chain: readonly MavenPom[], props: Map<string, Located>, name: string, seen = new Set<MavenPom>()): Resolution | undefined {
    for (const p of chain) {
      seen.add(p);
      const entry = p.managed.find((m) => `${m.groupId}:${m.artifactId}` === name && m.scope !== 'import');
      if (entry?.version) return MavenProject.interpolate(entry.version, props);
    }
    for (const p of chain) {
      for (const bom of p.managed.filter((m) => m.scope === 'import')) {
        const bomPom = this.byCoordinates.get(`${bom.groupId}:${bom.artifactId}`);
        if (!bomPom || seen.has(bomPom)) continue;
        const bomChain = this.chain(bomPom);
        const found = this.managed(bomChain, this.properties(bomChain), name, seen);
        if (found) return found;
      }
    }
    return undefined;
  }

  dependencies(): Dependency[] {
    const out: Dependency[] = [];
    for (const pom of this.byPath.values()) {
      const chain = this.chain(pom);
      const props = this.properties(chain);
      const boot = this.boot(chain, props);
      const coordinates = (d: MavenDependency) => {
        const value = (text: string, at: Location) => MavenProject.interpolate({ value: text, location: at }, props).value ?? text;
        return `${value(d.groupId, d.declaredAt)}:${value(d.artifactId, d.declaredAt)}`;
      };
      const resolve = (d: MavenDependency, name: string): Resolution | undefined => {
        if (d.version) {
          const explicit = MavenProject.interpolate(d.version, props);
          return isRange(explicit.value) ? { value: undefined, location: d.version.location } : explicit;
        }
        return this.managed(chain, props, name) ?? bootManaged(name, boot);
      };
      // Maven modules inherit their parents' <dependencies>: a kafka-clients declared there counts here.
      const runtimeClients = chain
        .flatMap((p) => p.dependencies)
        .find((d) => coordinates(d) === 'org.apache.kafka:kafka-clients' && d.scope !== 'test' && d.classifier === undefined);
      for (const dep of pom.dependencies) {
        const name = coordinates(dep);
        if (!libraryKind('maven', name)) continue;
        const resolution = resolve(dep, name);
        const d: Dependency = {
          ecosystem: 'maven',
          name,
          declared: dep.version?.value,
          resolved: resolution?.value,
          location: resolution?.location ?? dep.declaredAt,
          declaredAt: dep.declaredAt,
          file: pom.file,
        };
        if (dep.version) d.versionAt = dep.version.location;
        if (resolution?.via) d.via = resolution.via;
        if (dep.scope || dep.classifier === 'test') d.scope = dep.classifier === 'test' ? 'test' : dep.scope;
        if (name === 'org.springframework.kafka:spring-kafka' && resolution) {
          const clients = runtimeClients
            ? resolve(runtimeClients, 'org.apache.kafka:kafka-clients')
            : (this.managed(chain, props, 'org.apache.kafka:kafka-clients') ?? bootManaged('org.apache.kafka:kafka-clients', boot));
          const kc = springKafkaClients(resolution, clients, runtimeClients !== undefined);
          if (kc) d.kafkaClients = kc;
        }
        out.push(d);
      }
    }
    return out;
  }
}

// ---------------------------------------------------------------------------------------------------- Gradle

/** Files in a directory or any of its ancestors, nearest first. */
function ancestorsOf<T>(dir: string, byDir: Map<string, T[]>): T[] {
  const out: T[] = [];
  for (let d = dir; ; d = path.posix.dirname(d)) {
    out.push(...(byDir.get(d) ?? []));
    if (d === '.' || d === '/' || d === path.posix.dirname(d)) break;
  }
  return out;
}

function gradleDependencies(builds: readonly GradleBuild[], properties: ReadonlyArray<{ file: string; properties: Record<string, Located> }>, catalogs: readonly VersionCatalog[]): Dependency[] {
  const buildsByDir = new Map<string, GradleBuild[]>();
  for (const b of builds) buildsByDir.set(path.posix.dirname(b.file), [...(buildsByDir.get(path.posix.dirname(b.file)) ?? []), b]);
  const propsByDir = new Map<string, Array<Record<string, Located>>>();
  for (const p of properties) propsByDir.set(path.posix.dirname(p.file), [...(propsByDir.get(path.posix.dirname(p.file)) ?? []), p.properties]);
  const catalogsByDir = new Map<string, VersionCatalog[]>();
  // gradle/libs.versions.toml belongs to the build in the folder above `gradle/`.
  for (const c of catalogs) {
    const dir = path.posix.dirname(path.posix.dirname(c.file));
    catalogsByDir.set(dir, [...(catalogsByDir.get(dir) ?? []), c]);
  }
  const out: Dependency[] = [];
  for (const build of builds) {
    const dir = path.posix.dirname(build.file);
    // Nearest definition wins: this script, then gradle.properties here, then the parent projects' scripts and properties.
    const variables = new Map<string, Located>();
    const scopes: Array<Record<string, Located>> = [];
    for (let d = dir; ; d = path.posix.dirname(d)) {
      for (const b of buildsByDir.get(d) ?? []) scopes.push(b.variables);
      scopes.push(...(propsByDir.get(d) ?? []));
      if (d === '.' || d === path.posix.dirname(d)) break;
    }
    for (const scope of [...scopes].reverse()) for (const [k, v] of Object.entries(scope)) variables.set(k, v);
    for (const [k, v] of Object.entries(build.variables)) variables.set(k, v);
    const catalog = ancestorsOf(dir, catalogsByDir)[0];
    const interpolate = (text: Located): Resolution => {
      const whole = /^\$\{?(?:project\.|rootProject\.|ext\.|extra\.)?([\w.]+)\}?$/.exec(text.value);
      if (whole && text.value.startsWith('$')) {
        const v = variables.get(whole[1]!);
        return v ? { value: v.value, location: v.location, via: `variable ${whole[1]}` } : { value: undefined, location: text.location };
      }
      if (text.value.includes('$')) return { value: undefined, location: text.location };
      return { value: text.value, location: text.location };
    };
    // Catalog references (`alias(libs.plugins.x)`, `platform(libs.x)`) take their id, coordinates and version from the catalog.
    const fromCatalog = <T extends { catalogAlias?: string }>(items: readonly T[], kind: 'plugins' | 'libraries') =>
      items.map((item) => {
        if (!item.catalogAlias || !catalog) return item;
        const entry = catalog[kind][item.catalogAlias] as ({ id?: string; group?: string; name?: string; version?: Located; versionRef?: string } | undefined);
        if (!entry) return item;
        const version = entry.version ?? (entry.versionRef ? catalog.versions[entry.versionRef] : undefined);
        return { ...item, ...(entry.id ? { id: entry.id } : {}), ...(entry.group ? { group: entry.group, name: entry.name } : {}), ...(version ? { version } : {}) };
      });
    const plugins = [...fromCatalog(build.plugins, 'plugins'), ...ancestorsOf(dir, buildsByDir).flatMap((b) => fromCatalog(b.plugins, 'plugins'))];
    const pluginBoot = plugins.find((p) => p.id === 'org.springframework.boot');
    const bootBom = fromCatalog(build.boms, 'libraries').find((b) => b.group === BOOT_GROUP && b.name === 'spring-boot-dependencies');
    const bootClasspath = ancestorsOf(dir, buildsByDir)
      .flatMap((b) => b.dependencies)
      .find((d) => d.configuration === 'classpath' && d.group === BOOT_GROUP && d.name === 'spring-boot-gradle-plugin');
    // The dependency-management plugin (applied with Boot's plugin, or for mavenBom imports) reads ext['kafka.version'];
    // Gradle's own platform() does not.
    const dependencyManagement = Boolean(pluginBoot ?? bootClasspath) || plugins.some((p) => p.id === 'io.spring.dependency-management');
    const bootText = pluginBoot?.version ?? bootClasspath?.version ?? bootBom?.version;
    const property = (name: string): Resolution | undefined => {
      const v = variables.get(name);
      return v ? { value: v.value, location: v.location, via: `variable ${name}` } : undefined;
    };
    const boot: Boot | undefined = bootText ? { version: interpolate(bootText), property: dependencyManagement ? property : () => undefined } : undefined;
    const resolve = (dep: GradleDependency): { name: string; resolution: Resolution | undefined } | undefined => {
      if (dep.catalogAlias) {
        const lib = catalog?.libraries[dep.catalogAlias];
        if (!lib) return undefined;
        const ref = lib.versionRef ? catalog?.versions[lib.versionRef] : undefined;
        const name = `${lib.group}:${lib.name}`;
        if (lib.version) return { name, resolution: { value: lib.version.value, location: lib.version.location, via: catalog!.file } };
        if (ref) return { name, resolution: { value: ref.value, location: ref.location, via: `${catalog!.file} version ${lib.versionRef}` } };
        return { name, resolution: bootManaged(name, boot) };
      }
      const name = `${dep.group}:${dep.name}`;
      return { name, resolution: dep.version ? interpolate(dep.version) : bootManaged(name, boot) };
    };
    const production = (dep: GradleDependency) => dep.configuration !== 'classpath' && !/test/i.test(dep.configuration);
    const runtimeClients = build.dependencies.filter(production).map(resolve).find((r) => r?.name === 'org.apache.kafka:kafka-clients');
    for (const dep of build.dependencies) {
      const found = resolve(dep);
      if (!found || dep.configuration === 'classpath' || !libraryKind('gradle', found.name)) continue;
      const { name, resolution } = found;
      const d: Dependency = {
        ecosystem: 'gradle',
        name,
        declared: dep.version?.value,
        resolved: resolution?.value,
        location: resolution?.location ?? dep.declaredAt,
        declaredAt: dep.declaredAt,
        scope: dep.configuration,
        file: build.file,
      };
      if (dep.version) d.versionAt = dep.version.location;
      if (resolution?.via) d.via = resolution.via;
      if (name === 'org.springframework.kafka:spring-kafka' && resolution) {
        const kc = springKafkaClients(resolution, runtimeClients?.resolution ?? bootManaged('org.apache.kafka:kafka-clients', boot), runtimeClients !== undefined);
        if (kc) d.kafkaClients = kc;
      }
      out.push(d);
    }
  }
  return out;
}

// ---------------------------------------------------------------------------------------------------- npm

function npmDependencies(packages: readonly NpmPackage[], lockfiles: readonly Lockfile[]): Dependency[] {
  const locksByDir = new Map<string, Lockfile[]>();
  for (const l of lockfiles) locksByDir.set(path.posix.dirname(l.file), [...(locksByDir.get(path.posix.dirname(l.file)) ?? []), l]);
  const out: Dependency[] = [];
  for (const pkg of packages) {
    // Workspaces share the root's lockfile: the nearest one up the tree applies.
    const lock = ancestorsOf(path.posix.dirname(pkg.file), locksByDir)[0];
    for (const dep of pkg.dependencies) {
      if (!NPM_KAFKA_PACKAGES.has(dep.name)) continue;
      const fromLock = lock ? resolvedVersion(lock, dep.name, dep.range, path.posix.relative(path.posix.dirname(lock.file), path.posix.dirname(pkg.file))) : undefined;
      // A lockfile out of step with package.json (npm ci refuses it) says nothing about what will be installed.
      const locked = fromLock && (!semver.validRange(dep.range) || semver.satisfies(fromLock, dep.range, { includePrerelease: true })) ? fromLock : undefined;
      const exact = semver.valid(dep.range.replace(/^[=v]+/, ''));
      const d: Dependency = {
        ecosystem: 'npm',
        name: dep.name,
        declared: dep.range,
        resolved: locked ?? exact ?? undefined,
        location: dep.location,
        declaredAt: dep.location,
        scope: dep.section,
        file: pkg.file,
      };
      if (locked && lock) d.via = path.posix.basename(lock.file);
      out.push(d);
    }
  }
  return out;
}

export function assembleBuild(files: readonly BuildFile[]): Dependency[] {
  const poms: MavenPom[] = [];
  const builds: GradleBuild[] = [];
  const properties: Array<{ file: string; properties: Record<string, Located> }> = [];
  const catalogs: VersionCatalog[] = [];
  const packages: NpmPackage[] = [];
  const lockfiles: Lockfile[] = [];
  for (const f of files) {
    if (f.kind === 'maven') poms.push(f.pom);
    else if (f.kind === 'gradle') builds.push(f.build);
    else if (f.kind === 'gradle-properties') properties.push(f);
    else if (f.kind === 'version-catalog') catalogs.push(f.catalog);
    else if (f.kind === 'npm') packages.push(f.pkg);
    else lockfiles.push(f.lock);
  }
  const all = [...new MavenProject(poms).dependencies(), ...gradleDependencies(builds, properties, catalogs), ...npmDependencies(packages, lockfiles)];
  return all.sort((a, b) => (a.file < b.file ? -1 : a.file > b.file ? 1 : a.declaredAt.line - b.declaredAt.line));
}
