// What the build-file readers see in one file, before versions are resolved across files (src/extract/build.ts).
import type { Location } from '../facts.js';

/** A value written somewhere, with where: a version, a property, a variable. */
export interface Located {
  value: string;
  location: Location;
}

export interface MavenDependency {
  groupId: string;
  artifactId: string;
  /** `<version>` as written (`${kafka.version}`, `0.10.2.1`); absent when managed elsewhere. */
  version?: Located;
  scope?: string;
  type?: string;
  /** `test` for a test jar: a separate artifact, not the library's runtime code. */
  classifier?: string;
  /** The `<artifactId>` element: where a dependency without a version is reported. */
  declaredAt: Location;
}

export interface MavenPom {
  file: string;
  groupId?: string;
  artifactId?: string;
  version?: Located;
  parent?: { groupId: string; artifactId: string; version?: Located; relativePath?: string };
  properties: Record<string, Located>;
  dependencies: MavenDependency[];
  /** `<dependencyManagement>` entries, imported BOMs (`<scope>import</scope>`, `<type>pom</type>`) included. */
  managed: MavenDependency[];
}

export interface GradleDependency {
  /** `implementation`, `testImplementation`, `api`, `compileOnly`, … */
  configuration: string;
  /** Empty for a version-catalog reference, whose coordinates are in the catalog. */
  group: string;
  name: string;
  /** The version text as written, variables unresolved (`$kafkaVersion`, `${versions.kafka}`, `3.6.0`). */
  version?: Located;
  /** Set for version-catalog references (`libs.kafka.clients` → alias `kafka.clients`). */
  catalogAlias?: string;
  declaredAt: Location;
}

export interface GradleBuild {
  file: string;
  dependencies: GradleDependency[];
  /** `ext.x = …`, `ext { x = … }`, `ext['kafka.version'] = …`, `extra["x"] = …`, `val x = …`, `def x = …`. */
  variables: Record<string, Located>;
  /**
   * `id 'org.springframework.boot' version '3.2.0'`, `id("org.springframework.boot") version "3.2.0"`; a version
   * catalog plugin `alias(libs.plugins.spring.boot)` has an empty id and its catalog alias.
   */
  plugins: Array<{ id: string; version?: Located; catalogAlias?: string }>;
  /** `platform('org.springframework.boot:spring-boot-dependencies:2.7.0')`, `platform(libs.x)`, `mavenBom '…'` imports. */
  boms: Array<{ group: string; name: string; version?: Located; catalogAlias?: string }>;
}

export interface VersionCatalog {
  file: string;
  versions: Record<string, Located>;
  /** Alias with `-`/`_` turned into `.` as Gradle accessors do (`kafka-clients` → `kafka.clients`). */
  libraries: Record<string, { group: string; name: string; version?: Located; versionRef?: string; location: Location }>;
  plugins: Record<string, { id: string; version?: Located; versionRef?: string; location: Location }>;
}

export interface NpmDependency {
  name: string;
  /** The range as written (`^2.3.3`, `2.10.0`, `github:…`). */
  range: string;
  /** `dependencies`, `devDependencies`, `optionalDependencies`, `peerDependencies`. */
  section: string;
  location: Location;
}

export interface NpmPackage {
  file: string;
  dependencies: NpmDependency[];
}

/** Resolved versions of the packages installed at the top level, from one lockfile. */
export interface Lockfile {
  file: string;
  kind: 'package-lock' | 'yarn' | 'pnpm';
  /** Package name -> the version installed for the project (first/top-level entry). */
  versions: Record<string, string>;
  /** yarn: name -> range as written in the lockfile's descriptors (`^4.1.3`, `npm:^4.1.3`) -> version. */
  ranges?: Record<string, Record<string, string>>;
  /** npm workspaces' own `node_modules` and pnpm importers other than the root: directory -> name -> version. */
  workspaces?: Record<string, Record<string, string>>;
}

export type BuildFile =
  | { kind: 'maven'; pom: MavenPom }
  | { kind: 'gradle'; build: GradleBuild }
  | { kind: 'gradle-properties'; file: string; properties: Record<string, Located> }
  | { kind: 'version-catalog'; catalog: VersionCatalog }
  | { kind: 'npm'; pkg: NpmPackage }
  | { kind: 'lockfile'; lock: Lockfile };
