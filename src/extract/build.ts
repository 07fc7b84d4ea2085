// Resolves dependency versions across build files (Maven parents, properties, BOMs; Gradle variables, properties,
// version catalogs; npm lockfiles) into Dependency facts located where the version to change is written.
import path from 'node:path';
import semver from 'semver';
import type { Dependency, Location } from '../facts.js';
import { libraryKind, NPM_KAFKA_PACKAGES } from '../kafka/libraries.js';
import { floorRow, SPRING_BOOT_MANAGED } from '../kafka/versions.js';
import type { BuildFile, GradleBuild, Located, Lockfile, MavenDependency, MavenPom, NpmPackage, VersionCatalog } from './build-types.js';
import { resolvedVersion } from './lockfiles.js';

/** A version with where it is written and how it was found. */
interface Resolution {
  value: string | undefined;
  location: Location | undefined;
  via?: string;
}

const BOOT_GROUP = 'org.springframework.boot';
const BOOT_ARTIFACTS = new Set(['spring-boot-starter-parent', 'spring-boot-dependencies']);

/** Spring Boot's dependency management for the Kafka artifacts it manages (catalog §6.3). */
function bootManaged(name: string, boot: Resolution, kafkaVersionProperty: Resolution | undefined): Resolution | undefined {
  if (!boot.value) return undefined;
  const row = floorRow(SPRING_BOOT_MANAGED, boot.value);
  if (!row) return undefined;
  const via = `Spring Boot ${boot.value}`;
  if (name === 'org.springframework.kafka:spring-kafka') return { value: row.springKafka, location: boot.location, via };
  if (/^org\.apache\.kafka:kafka-(clients|streams)$/.test(name) && row.kafkaClients) {
    // Boot 2.1+ takes kafka-clients from the `kafka.version` property, which a project may override.
    if (kafkaVersionProperty?.value) return { ...kafkaVersionProperty, via: `property kafka.version over ${via}` };
    return { value: row.kafkaClients, location: boot.location, via };
  }
  return undefined;
}

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
  boot(chain: readonly MavenPom[], props: Map<string, Located>): Resolution | undefined {
    for (const p of chain) {
      if (p.parent && p.parent.groupId === BOOT_GROUP && BOOT_ARTIFACTS.has(p.parent.artifactId) && p.parent.version) {
        return MavenProject.interpolate(p.parent.version, props);
      }
      const bom = p.managed.find((m) => m.groupId === BOOT_GROUP && m.artifactId === 'spring-boot-dependencies' && m.scope === 'import' && m.version);
      if (bom?.version) return MavenProject.interpolate(bom.version, props);
    }
    return undefined;
  }

  /** A version from dependencyManagement in the chain, or from BOMs imported there that are part of the scan. */
  managed(chain: readonly MavenPom[], props: Map<string, Located>, dep: MavenDependency, seen = new Set<MavenPom>()): Resolution | undefined {
    for (const p of chain) {
      seen.add(p);
      const entry = p.managed.find((m) => m.groupId === dep.groupId && m.artifactId === dep.artifactId && m.scope !== 'import');
      if (entry?.version) return MavenProject.interpolate(entry.version, props);
      for (const bom of p.managed.filter((m) => m.scope === 'import')) {
        const bomPom = this.byCoordinates.get(`${bom.groupId}:${bom.artifactId}`);
        if (!bomPom || seen.has(bomPom)) continue;
        const bomChain = this.chain(bomPom);
        const found = this.managed(bomChain, this.properties(bomChain), dep, seen);
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
      for (const dep of pom.dependencies) {
        const name = `${dep.groupId}:${dep.artifactId}`;
        if (!libraryKind('maven', name)) continue;
        const explicit = dep.version ? MavenProject.interpolate(dep.version, props) : undefined;
        const kafkaVersion = props.get('kafka.version');
        const resolution =
          explicit ?? this.managed(chain, props, dep) ?? (boot ? bootManaged(name, boot, kafkaVersion ? MavenProject.interpolate(kafkaVersion, props) : undefined) : undefined);
        const d: Dependency = {
          ecosystem: 'maven',
          name,
          declared: dep.version?.value,
          resolved: resolution?.value,
          location: resolution?.location ?? dep.declaredAt,
          declaredAt: dep.declaredAt,
          file: pom.file,
        };
        if (resolution?.via) d.via = resolution.via;
        if (dep.scope) d.scope = dep.scope;
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
    const pluginBoot = fromCatalog(build.plugins, 'plugins').find((p) => p.id === 'org.springframework.boot');
    const bootBom = fromCatalog(build.boms, 'libraries').find((b) => b.group === BOOT_GROUP && b.name === 'spring-boot-dependencies');
    const bootClasspath = ancestorsOf(dir, buildsByDir)
      .flatMap((b) => b.dependencies)
      .find((d) => d.configuration === 'classpath' && d.group === BOOT_GROUP && d.name === 'spring-boot-gradle-plugin');
    const bootText = pluginBoot?.version ?? bootBom?.version ?? bootClasspath?.version ?? ancestorsOf(dir, buildsByDir).flatMap((b) => b.plugins).find((p) => p.id === 'org.springframework.boot')?.version;
    const boot = bootText ? interpolate(bootText) : undefined;
    for (const dep of build.dependencies) {
      let group = dep.group;
      let name = dep.name;
      let resolution: Resolution | undefined;
      if (dep.catalogAlias) {
        const lib = catalog?.libraries[dep.catalogAlias];
        if (!lib) continue;
        group = lib.group;
        name = lib.name;
        const ref = lib.versionRef ? catalog?.versions[lib.versionRef] : undefined;
        if (lib.version) resolution = { value: lib.version.value, location: lib.version.location, via: catalog!.file };
        else if (ref) resolution = { value: ref.value, location: ref.location, via: `${catalog!.file} version ${lib.versionRef}` };
      } else if (dep.version) resolution = interpolate(dep.version);
      const full = `${group}:${name}`;
      if (dep.configuration === 'classpath' || !libraryKind('gradle', full)) continue;
      const kafkaVersion = variables.get('kafka.version');
      resolution ??= boot ? bootManaged(full, boot, kafkaVersion ? { value: kafkaVersion.value, location: kafkaVersion.location } : undefined) : undefined;
      const d: Dependency = {
        ecosystem: 'gradle',
        name: full,
        declared: dep.version?.value,
        resolved: resolution?.value,
        location: resolution?.location ?? dep.declaredAt,
        declaredAt: dep.declaredAt,
        scope: dep.configuration,
        file: build.file,
      };
      if (resolution?.via) d.via = resolution.via;
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
      const locked = lock ? resolvedVersion(lock, dep.name, dep.range, path.posix.relative(path.posix.dirname(lock.file), path.posix.dirname(pkg.file))) : undefined;
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
