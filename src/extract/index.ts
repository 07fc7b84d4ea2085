import path from 'node:path';
import { LineIndex } from '../location.js';
import { isScriptFile } from '../kafka/node.js';
import { kafkaFileFacts } from './client-files.js';
import { jaasFileFacts, looksLikeJaas } from './jaas-file.js';
import type { Located, NpmDependency, NpmPackage } from './build-types.js';
import { readGradle, readVersionCatalog } from './gradle.js';
import { readJson } from './json.js';
import { extractLiterals } from './literals.js';
import { readPom } from './maven.js';
import { readProperties } from './properties.js';
import { isSpringKafkaFile, springDocuments } from './spring.js';
import { emptyFileFacts, type FileFacts, type RawDocument } from './types.js';
import { readYaml } from './yaml.js';

/** How a file is read. `text` files are only searched for credentials (EH107). */
export type FileKind = 'properties' | 'conf' | 'yaml' | 'jaas' | 'text' | 'java' | 'script' | 'maven' | 'gradle' | 'gradle-properties' | 'version-catalog' | 'npm' | 'lockfile';

/** npm lockfiles give resolved versions; they are read only when a package.json needs them, never scanned for findings. */
export const NPM_LOCKFILES = new Set(['package-lock.json', 'npm-shrinkwrap.json', 'yarn.lock', 'pnpm-lock.yaml']);
const OTHER_LOCKFILES = new Set(['composer.lock', 'gradle.lockfile', 'cargo.lock', 'poetry.lock']);

/** Which files are scanned, by name (catalog §2.4); `undefined` = not scanned. */
export function fileKind(name: string): FileKind | undefined {
  const base = name.toLowerCase();
  if (NPM_LOCKFILES.has(base)) return 'lockfile';
  if (OTHER_LOCKFILES.has(base)) return undefined;
  if (base === 'pom.xml') return 'maven';
  if (base === 'package.json') return 'npm';
  if (base === 'gradle.properties') return 'gradle-properties';
  if (base.endsWith('.gradle') || base.endsWith('.gradle.kts')) return 'gradle';
  if (base.endsWith('.versions.toml')) return 'version-catalog';
  if (isScriptFile(base)) return 'script';
  const ext = path.extname(base);
  switch (ext) {
    case '.properties':
      return 'properties';
    case '.conf':
    case '.cfg':
    case '.config':
      return 'conf';
    case '.jaas':
      return 'jaas';
    case '.java':
      return 'java';
    case '.yml':
    case '.yaml':
      return 'yaml';
    case '.json':
    case '.env':
    case '.dockerfile':
      return 'text';
  }
  if (base === '.env' || base.startsWith('.env.') || base === 'dockerfile' || base.startsWith('dockerfile.')) return 'text';
  return undefined;
}

/** A YAML key the extractors can use: Spring's `kafka:` nesting, flat Spring/binder keys, plain client or broker keys. */
const YAML_PREFILTER = /(^|[\s.])kafka\s*:|spring\.(kafka|cloud\.stream)|bootstrap\.servers|metadata\.broker\.list|broker\.id|process\.roles|log\.dirs?\s*:/m;

const NPM_SECTIONS = new Set(['dependencies', 'devDependencies', 'optionalDependencies', 'peerDependencies']);

/** package.json dependency entries with the line of each. */
function readPackageJson(index: LineIndex): NpmPackage | undefined {
  const entries = readJson(index);
  if (!entries) return undefined;
  const dependencies: NpmDependency[] = [];
  for (const e of entries) {
    const dot = e.key.indexOf('.');
    const section = e.key.slice(0, dot);
    if (dot < 0 || !NPM_SECTIONS.has(section)) continue;
    dependencies.push({ name: e.key.slice(dot + 1), range: e.value, section, location: e.location });
  }
  return { file: index.file, dependencies };
}

/** INI section headers (`[default]`) in librdkafka-style configs are not keys. */
function withoutSections(docs: RawDocument[]): RawDocument[] {
  return docs.map((d) => ({ ...d, entries: d.entries.filter((e) => !(/^\[.*\]$/.test(e.key) && e.value === '')) }));
}

function fromDocuments(file: string, docs: RawDocument[], facts: FileFacts): void {
  const all = docs.flatMap((d) => d.entries);
  if (isSpringKafkaFile(all)) {
    facts.spring.push(...springDocuments(file, docs));
    return;
  }
  const base = path.posix.basename(file).toLowerCase();
  const { configs, brokers } = kafkaFileFacts({ file, basename: base, extension: path.extname(base) }, all);
  facts.configs.push(...configs);
  facts.brokers.push(...brokers);
}

/** Extracts the facts of one decoded file. Never throws on user input: problems become notifications. */
export function extractFile(file: string, kind: FileKind, text: string): FileFacts {
  const facts = emptyFileFacts();
  const index = new LineIndex(file, text);
  const withDocuments = (docs: RawDocument[]) => {
    facts.literals.push(...extractLiterals(index, docs));
    fromDocuments(file, docs, facts);
  };
  switch (kind) {
    case 'properties':
      withDocuments(readProperties(index));
      return facts;
    case 'conf':
      if (text.trimStart().startsWith('<')) break; // XML .config (e.g. .NET app.config): credentials only
      if (text.trimStart().startsWith('{')) {
        connectorJson(file, index, facts);
        return facts;
      }
      if (looksLikeJaas(text)) {
        facts.configs.push(...jaasFileFacts(index));
        break;
      }
      if (/^[^#!\n]*\{[ \t]*$/m.test(text)) {
        // A block-structured file (HOCON, nginx, …): say so visibly when it looks like it configures Kafka.
        const kafka = /kafka|bootstrap\.servers/i.test(text);
        facts.notifications.push({
          level: kafka ? 'warning' : 'note',
          kind: 'unsupported-format',
          file,
          message: `block-structured configuration (HOCON or similar) is not read yet${kafka ? ', although it mentions Kafka' : ''}; only credentials were checked`,
        });
        break;
      }
      withDocuments(withoutSections(readProperties(index)));
      return facts;
    case 'jaas':
      facts.configs.push(...jaasFileFacts(index));
      break;
    case 'yaml': {
      // Only YAML that can hold a Kafka client or broker key is parsed; manifests and CI files that merely
      // mention KAFKA_* environment variables stay untouched (and unparsed Helm templates cannot fail).
      if (!YAML_PREFILTER.test(text)) break;
      const { docs, error } = readYaml(index);
      if (!error) {
        withDocuments(docs);
        return facts;
      }
      // A template is not the configuration itself: say it was not read, without failing the scan.
      const templated = /\{\{|\{%/.test(text);
      facts.notifications.push({
        level: templated ? 'warning' : 'error',
        kind: templated ? 'unsupported-format' : 'unparsable',
        file,
        line: error.line,
        column: error.column,
        message: templated ? `templated YAML (Helm/Jinja) is not parsed: ${error.message}` : `YAML syntax error: ${error.message}`,
      });
      break;
    }
    case 'maven': {
      const pom = readPom(index);
      if ('error' in pom) {
        facts.notifications.push({ level: 'error', kind: 'unparsable', file, line: pom.error.line, column: pom.error.column, message: `XML syntax error: ${pom.error.message}` });
      } else facts.build.push({ kind: 'maven', pom });
      break;
    }
    case 'gradle':
      facts.build.push({ kind: 'gradle', build: readGradle(index) });
      break;
    case 'gradle-properties': {
      const properties: Record<string, Located> = {};
      for (const e of readProperties(index).flatMap((d) => d.entries)) properties[e.key] = { value: e.value, location: e.location };
      facts.build.push({ kind: 'gradle-properties', file, properties });
      break;
    }
    case 'version-catalog': {
      const catalog = readVersionCatalog(index);
      if ('error' in catalog) {
        facts.notifications.push({ level: 'error', kind: 'unparsable', file, line: catalog.error.line, column: catalog.error.column, message: `TOML syntax error: ${catalog.error.message}` });
      } else facts.build.push({ kind: 'version-catalog', catalog });
      break;
    }
    case 'npm': {
      const pkg = readPackageJson(index);
      if (pkg) facts.build.push({ kind: 'npm', pkg });
      else facts.notifications.push({ level: 'error', kind: 'unparsable', file, message: 'package.json is not valid JSON' });
      break;
    }
    case 'lockfile':
      // Read on demand by src/scan.ts for the build assembly, never searched for findings.
      return facts;
    case 'java':
    case 'script':
      // Code is analyzed as a project by ./java/ and ./script/; here only credentials are searched.
      break;
    case 'text':
      if (path.extname(file).toLowerCase() === '.json') {
        connectorJson(file, index, facts);
        return facts;
      }
      break;
  }
  facts.literals.push(...extractLiterals(index));
  return facts;
}

/**
 * Kafka Connect connector JSON (REST API bodies: `{"name", "config": {…}}` or the bare config map). Other JSON
 * files, and files named `.json` that are not JSON (curl scripts, shell templates), are searched for credentials only.
 */
function connectorJson(file: string, index: LineIndex, facts: FileFacts): void {
  if (!index.text.includes('"connector.class"')) {
    facts.literals.push(...extractLiterals(index));
    return;
  }
  const entries = readJson(index);
  if (!entries) {
    facts.literals.push(...extractLiterals(index));
    facts.notifications.push({ level: 'warning', kind: 'unsupported-format', file, message: 'mentions connector.class but is not valid JSON (a template or a script?); only credentials were checked' });
    return;
  }
  const nested = entries.some((e) => e.key === 'config.connector.class');
  const config = entries.filter((e) => !nested || e.key.startsWith('config.')).map((e) => (nested ? { ...e, key: e.key.slice('config.'.length) } : e));
  const docs = [{ index: 0, entries: config }];
  facts.literals.push(...extractLiterals(index, docs));
  fromDocuments(file, docs, facts);
}
