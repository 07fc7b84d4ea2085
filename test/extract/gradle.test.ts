import { describe, expect, it } from 'vitest';
import type { GradleBuild, Located, VersionCatalog } from '../../src/extract/build-types.js';
import { assembleBuild } from '../../src/extract/build.js';
import { readGradle, readVersionCatalog } from '../../src/extract/gradle.js';
import { LineIndex } from '../../src/location.js';
import type { Location } from '../../src/facts.js';

const groovy = (text: string, file = 'build.gradle'): GradleBuild => readGradle(new LineIndex(file, text));
const kts = (text: string) => groovy(text, 'build.gradle.kts');
const deps = (b: GradleBuild) => b.dependencies.map((d) => `${d.configuration} ${d.catalogAlias ? `libs.${d.catalogAlias}` : `${d.group}:${d.name}`}${d.version ? ` ${d.version.value}` : ''}`);
const boms = (b: GradleBuild) => b.boms.map((d) => `${d.group}:${d.name}${d.version ? ` ${d.version.value}` : ''}`);
const vars = (b: GradleBuild) => Object.fromEntries(Object.entries(b.variables).map(([k, v]) => [k, v.value]));

/** Where `needle` (the `nth` occurrence) is written in `text`, as a single-line location: the oracle for positions. */
function spot(text: string, needle: string, nth = 1): { line: number; column: number; endLine: number; endColumn: number } {
  let offset = -1;
  for (let n = 0; n < nth; n++) offset = text.indexOf(needle, offset + 1);
  if (offset < 0) throw new Error(`${needle} not in text`);
  const before = text.slice(0, offset);
  const line = before.split('\n').length;
  const column = offset - before.lastIndexOf('\n');
  return { line, column, endLine: line, endColumn: column + needle.length };
}
const at = (l: Located | Location | undefined) => (l && 'value' in l ? l.location : l);

function catalog(text: string): VersionCatalog {
  const r = readVersionCatalog(new LineIndex('gradle/libs.versions.toml', text));
  if ('error' in r) throw new Error(r.error.message);
  return r;
}

/** Deterministic pseudo-random numbers (mulberry32), so a failing fuzz case can be replayed. */
function random(seed: number): () => number {
  return () => {
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const SPRING_GROOVY = `buildscript {
    ext {
        springBootVersion = '2.0.5.RELEASE'
        set('kafka.version', '1.1.1')
    }
    repositories { mavenCentral() }
    dependencies {
        classpath("org.springframework.boot:spring-boot-gradle-plugin:\${springBootVersion}")
    }
}

apply plugin: 'java'
apply plugin: 'org.springframework.boot'
apply plugin: 'io.spring.dependency-management'

/* Kafka 0.10 was dropped:
   compile 'org.apache.kafka:kafka-clients:0.10.0.0'
*/
ext.avroVersion = "1.8.2"
def confluentVersion = '4.1.0'

dependencies {
    compile('org.springframework.boot:spring-boot-starter')
    compile "org.springframework.kafka:spring-kafka" // managed by Boot
    compile group: 'org.apache.avro', name: 'avro', version: avroVersion
    compile "io.confluent:kafka-avro-serializer:$confluentVersion"
    testCompile('org.springframework.boot:spring-boot-starter-test') {
        exclude group: 'junit', module: 'junit'
    }
    println "compile 'org.apache.kafka:kafka-clients:0.9.0.1'"
}
`;

const MODERN_KTS = `import org.springframework.boot.gradle.plugin.SpringBootPlugin

plugins {
    id("org.springframework.boot") version "3.2.0"
    id("io.spring.dependency-management") version "1.1.4" apply false
    kotlin("jvm") version "1.9.22"
    \`java-library\`
    alias(libs.plugins.versions)
}

val kafkaVersion = "3.6.1"
val confluent: String by extra("7.5.1")
extra["kafka.version"] = kafkaVersion
extra["spring-kafka.version"] = "3.1.1"

subprojects {
    dependencies {
        "implementation"("org.apache.kafka:kafka-streams:$kafkaVersion")
    }
}

dependencies {
    implementation(platform(SpringBootPlugin.BOM_COORDINATES))
    implementation(enforcedPlatform("software.amazon.awssdk:bom:2.21.0"))
    implementation("org.apache.kafka:kafka-clients:\${kafkaVersion}")
    implementation(group = "io.confluent", name = "kafka-avro-serializer", version = confluent)
    implementation(libs.spring.kafka)
    testImplementation(kotlin("test"))
    testImplementation(project(":testing"))
    kapt("org.mapstruct:mapstruct-processor:1.5.5.Final")
    implementation("com.example:with-closure:1.0") {
        exclude(group = "org.apache.kafka", module = "kafka-clients")
    }
}
`;

describe('Gradle string notation', () => {
  it('reads every configuration, quote style and call form in Groovy, with the version located inside the string', () => {
    const text = [
      'dependencies {',
      "    implementation 'org.apache.kafka:kafka-clients:0.10.2.1'",
      '    api("org.apache.kafka:kafka-streams:2.0.0")',
      "    compileOnly 'a:b:1.0', 'c:d:2.0',",
      "        'e:f:3.0'",
      "    runtimeOnly('g:h:4.0:tests@jar') { transitive = false }",
      "    testImplementation 'i:j'",
      "    myCustomConf 'k:l:5.0@zip'",
      "    implementation 'm:n:6.0:linux-x86_64'",
      '}',
    ].join('\n');
    const b = groovy(text);
    expect(deps(b)).toEqual([
      'implementation org.apache.kafka:kafka-clients 0.10.2.1',
      'api org.apache.kafka:kafka-streams 2.0.0',
      'compileOnly a:b 1.0',
      'compileOnly c:d 2.0',
      'compileOnly e:f 3.0',
      'runtimeOnly g:h 4.0',
      'testImplementation i:j',
      'myCustomConf k:l 5.0',
      'implementation m:n 6.0',
    ]);
    expect(b.dependencies[0]!.version!.location).toEqual({ file: 'build.gradle', line: 2, column: 52, endLine: 2, endColumn: 60 });
    expect(b.dependencies[0]!.declaredAt).toMatchObject(spot(text, "'org.apache.kafka:kafka-clients:0.10.2.1'"));
    expect(at(b.dependencies[1]!.version)).toMatchObject(spot(text, '2.0.0'));
    expect(at(b.dependencies[4]!.version)).toMatchObject(spot(text, '3.0'));
    expect(at(b.dependencies[5]!.version)).toMatchObject(spot(text, '4.0'));
    expect(b.dependencies[6]!.version).toBeUndefined();
    expect(b.dependencies[6]!.declaredAt).toMatchObject(spot(text, "'i:j'"));
  });

  it('reads the same forms in the Kotlin DSL, string-named configurations and add(…) included', () => {
    const text = [
      'dependencies {',
      '    implementation("org.apache.kafka:kafka-clients:2.8.1")',
      '    "testFixturesApi"("org.apache.kafka:kafka_2.13:3.0.0")',
      '    add("integrationTestImplementation", "org.testcontainers:kafka:1.19.0")',
      '    kapt("org.mapstruct:mapstruct-processor:1.5.5.Final")',
      '    implementation("com.example:thing:1.0") {',
      '        exclude(group = "org.apache.kafka", module = "kafka-clients")',
      '        exclude("x:y:1.0")',
      '    }',
      '}',
    ].join('\n');
    const b = kts(text);
    expect(deps(b)).toEqual([
      'implementation org.apache.kafka:kafka-clients 2.8.1',
      'testFixturesApi org.apache.kafka:kafka_2.13 3.0.0',
      'integrationTestImplementation org.testcontainers:kafka 1.19.0',
      'kapt org.mapstruct:mapstruct-processor 1.5.5.Final',
      'implementation com.example:thing 1.0',
    ]);
    expect(at(b.dependencies[0]!.version)).toEqual({ file: 'build.gradle.kts', ...spot(text, '2.8.1') });
    expect(at(b.dependencies[3]!.version)).toMatchObject(spot(text, '1.5.5.Final'));
  });

  it('keeps GString and Kotlin templates as written, located where they are', () => {
    const groovyText = 'dependencies {\n  implementation "org.apache.kafka:kafka-clients:$kafkaVersion"\n  implementation "org.apache.kafka:kafka-streams:${versions.kafka}"\n  implementation "x:y:${project.findProperty(\'v\') ?: \'1.0\'}"\n}\n';
    const g = groovy(groovyText);
    expect(deps(g)).toEqual(['implementation org.apache.kafka:kafka-clients $kafkaVersion', 'implementation org.apache.kafka:kafka-streams ${versions.kafka}', "implementation x:y ${project.findProperty('v') ?: '1.0'}"]);
    expect(at(g.dependencies[0]!.version)).toMatchObject(spot(groovyText, '$kafkaVersion'));
    expect(at(g.dependencies[1]!.version)).toMatchObject(spot(groovyText, '${versions.kafka}'));

    const ktsText = 'dependencies {\n    implementation("org.apache.kafka:kafka-clients:${rootProject.extra["kafka"]}")\n    implementation("a:b:$v")\n}\n';
    expect(deps(kts(ktsText))).toEqual(['implementation org.apache.kafka:kafka-clients ${rootProject.extra["kafka"]}', 'implementation a:b $v']);
  });

  it("turns 'g:a:' + variable into a variable reference and gives up on other concatenations", () => {
    const text = "dependencies {\n  compile 'org.apache.kafka:kafka-clients:' + kafkaVersion\n  compile 'x:y:1.' + minor\n}\n";
    const b = groovy(text);
    expect(deps(b)).toEqual(['compile org.apache.kafka:kafka-clients ${kafkaVersion}']);
    expect(at(b.dependencies[0]!.version)).toMatchObject(spot(text, 'kafkaVersion'));
  });
});

describe('Gradle map notation', () => {
  it('reads Groovy maps with and without parentheses, literal and variable versions', () => {
    const text = [
      'dependencies {',
      "    implementation group: 'org.apache.kafka', name: 'kafka-clients', version: '1.1.0'",
      '    testImplementation(group: "org.apache.kafka", name: "kafka_2.11", version: "$kafkaVersion", classifier: "test")',
      "    compile group: 'a', name: 'b', version: versions.b",
      "    compile group: 'c', name: 'd'",
      "    compile group: 'e', name: 'f', version: lookup('f')",
      '}',
    ].join('\n');
    const b = groovy(text);
    expect(deps(b)).toEqual([
      'implementation org.apache.kafka:kafka-clients 1.1.0',
      'testImplementation org.apache.kafka:kafka_2.11 $kafkaVersion',
      'compile a:b ${versions.b}',
      'compile c:d',
      'compile e:f',
    ]);
    expect(at(b.dependencies[0]!.version)).toMatchObject(spot(text, '1.1.0'));
    expect(b.dependencies[0]!.declaredAt).toMatchObject({ line: 2, column: spot(text, 'group:').column, endColumn: spot(text, "'1.1.0'").endColumn });
    expect(at(b.dependencies[2]!.version)).toMatchObject(spot(text, 'versions.b'));
  });

  it('reads Kotlin named arguments', () => {
    const text = 'dependencies {\n    implementation(group = "org.apache.kafka", name = "kafka-clients", version = "2.0.1")\n    api(group = "a", name = "b", version = bVersion)\n}\n';
    const b = kts(text);
    expect(deps(b)).toEqual(['implementation org.apache.kafka:kafka-clients 2.0.1', 'api a:b ${bVersion}']);
    expect(at(b.dependencies[0]!.version)).toMatchObject(spot(text, '2.0.1'));
  });
});

describe('Gradle platforms, catalogs and nesting', () => {
  it('sends platform(…) and enforcedPlatform(…) to boms, not to dependencies', () => {
    const g = groovy("dependencies {\n  implementation platform('org.springframework.boot:spring-boot-dependencies:2.7.0')\n  api enforcedPlatform(\"com.fasterxml.jackson:jackson-bom:$jackson\")\n  implementation 'org.apache.kafka:kafka-clients'\n}\n");
    expect(boms(g)).toEqual(['org.springframework.boot:spring-boot-dependencies 2.7.0', 'com.fasterxml.jackson:jackson-bom $jackson']);
    expect(deps(g)).toEqual(['implementation org.apache.kafka:kafka-clients']);
    const text = 'dependencies {\n    implementation(platform("org.springframework.boot:spring-boot-dependencies:3.2.0"))\n    implementation(enforcedPlatform("a:b:1.0"))\n    implementation(platform(project(":bom")))\n}\n';
    const k = kts(text);
    expect(boms(k)).toEqual(['org.springframework.boot:spring-boot-dependencies 3.2.0', 'a:b 1.0']);
    expect(k.dependencies).toEqual([]);
    expect(at(k.boms[0]!.version)).toMatchObject(spot(text, '3.2.0'));
  });

  it('reads version catalog references, bundles included, but not versions or plugins accessors', () => {
    const text = 'dependencies {\n    implementation(libs.kafka.clients)\n    implementation(libs.bundles.kafka)\n    implementation libs.spring.kafka\n    implementation(libs.versions.kafka.get())\n}\n';
    const b = kts(text);
    expect(deps(b)).toEqual(['implementation libs.kafka.clients', 'implementation libs.bundles.kafka', 'implementation libs.spring.kafka']);
    expect(b.dependencies[0]).toMatchObject({ group: '', name: '', catalogAlias: 'kafka.clients', declaredAt: spot(text, 'libs.kafka.clients') });
    expect(b.dependencies[0]!.version).toBeUndefined();
  });

  it('finds dependencies nested in subprojects, allprojects, project(…), if/else and buildscript (classpath)', () => {
    const text = [
      'buildscript {',
      '    dependencies {',
      '        classpath "org.springframework.boot:spring-boot-gradle-plugin:${springBootVersion}"',
      '    }',
      '}',
      'allprojects {',
      '    dependencies { implementation "a:b:1.0" }',
      '}',
      "configure(subprojects.findAll { it.name != 'docs' }) {",
      '    dependencies {',
      '        if (useKafka) {',
      "            implementation 'org.apache.kafka:kafka-clients:2.0.0'",
      '        } else {',
      "            implementation 'c:d:1.0'",
      '        }',
      '    }',
      '}',
      "project(':app') {",
      '    dependencies',
      '    {',
      "        testImplementation 'e:f:1.0'",
      '    }',
      '}',
    ].join('\n');
    const b = groovy(text);
    expect(deps(b)).toEqual([
      'classpath org.springframework.boot:spring-boot-gradle-plugin ${springBootVersion}',
      'implementation a:b 1.0',
      'implementation org.apache.kafka:kafka-clients 2.0.0',
      'implementation c:d 1.0',
      'testImplementation e:f 1.0',
    ]);
    expect(b.plugins).toEqual([]);
  });

  it('does not take exclusions, dependency-management entries or other blocks for dependencies', () => {
    const b = groovy(
      "dependencies {\n  implementation('a:b:1.0') { exclude group: 'org.apache.kafka', module: 'kafka-clients' }\n  constraints { implementation 'org.apache.kafka:kafka-clients:2.8.1' }\n  modules { module('x:y') { replacedBy('z:w') } }\n}\ndependencyManagement {\n  dependencies { dependency 'org.apache.kafka:kafka-clients:0.10.2.0' }\n}\nrepositories { maven { url 'https://x:y@host/repo' } }\nconfigurations { compile 'a:b:1' }\n",
    );
    expect(deps(b)).toEqual(['implementation a:b 1.0']);
  });
});

describe('Gradle variables', () => {
  it('records literal ext, ext-block, def and map variables in Groovy at the literal', () => {
    const text = [
      "ext.kafkaVersion = '2.8.1'",
      'project.ext.avro = "1.8.2"',
      "rootProject.ext.set('scala', '2.13')",
      "ext['kafka.version'] = '3.0.0'",
      'ext {',
      "    springVersion = '5.3.0'",
      "    set('spring-kafka.version', '2.8.0')",
      '    retries = 3',
      "    libs = [kafka: 'org.apache.kafka:kafka-clients:1.0.0', zk: '3.4.6']",
      '}',
      "def confluentVersion = '7.0.1'",
      "def computed = '1.' + minor",
      'def fromProperty = project.property("x")',
      'ext.template = "${kafkaVersion}-SNAPSHOT"',
      "version = '1.0.0'",
      "ext.trailing = '9.9' // a comment after it",
    ].join('\n');
    const b = groovy(text);
    expect(vars(b)).toEqual({
      kafkaVersion: '2.8.1',
      avro: '1.8.2',
      scala: '2.13',
      'kafka.version': '3.0.0',
      springVersion: '5.3.0',
      'spring-kafka.version': '2.8.0',
      retries: '3',
      'libs.kafka': 'org.apache.kafka:kafka-clients:1.0.0',
      'libs.zk': '3.4.6',
      confluentVersion: '7.0.1',
      trailing: '9.9',
    });
    expect(b.variables.kafkaVersion!.location).toEqual({ file: 'build.gradle', line: 1, column: 21, endLine: 1, endColumn: 26 });
    expect(at(b.variables['kafka.version'])).toMatchObject(spot(text, '3.0.0'));
    expect(at(b.variables.springVersion)).toMatchObject(spot(text, '5.3.0'));
    expect(at(b.variables['spring-kafka.version'])).toMatchObject(spot(text, '2.8.0'));
    expect(at(b.variables.retries)).toMatchObject({ line: 8, column: 15, endColumn: 16 });
    expect(at(b.variables['libs.zk'])).toMatchObject(spot(text, '3.4.6'));
    expect(at(b.variables.confluentVersion)).toMatchObject(spot(text, '7.0.1'));
  });

  it('records Kotlin val, extra[…], extra.set and by extra(…) literals', () => {
    const text = [
      'val kafkaVersion = "3.6.0"',
      'val typed: String = "1.2.3"',
      'private const val pinned = "4.5.6"',
      'val avroVersion by extra("1.11.3")',
      'val fromProps: String by project',
      'extra["kafka.version"] = "3.5.1"',
      'rootProject.extra.set("scala", "2.13")',
      'val computed = providers.gradleProperty("x").get()',
      'extra.apply {',
      '    set("zk", "3.8.0")',
      '}',
      'buildscript {',
      '    val springBootVersion = "2.7.18"',
      '}',
    ].join('\n');
    const b = kts(text);
    expect(vars(b)).toEqual({
      kafkaVersion: '3.6.0',
      typed: '1.2.3',
      pinned: '4.5.6',
      avroVersion: '1.11.3',
      'kafka.version': '3.5.1',
      scala: '2.13',
      zk: '3.8.0',
      springBootVersion: '2.7.18',
    });
    expect(at(b.variables.kafkaVersion)).toEqual({ file: 'build.gradle.kts', line: 1, column: 21, endLine: 1, endColumn: 26 });
    expect(at(b.variables.avroVersion)).toMatchObject(spot(text, '1.11.3'));
    expect(at(b.variables['kafka.version'])).toMatchObject(spot(text, '3.5.1'));
    expect(at(b.variables.springBootVersion)).toMatchObject(spot(text, '2.7.18'));
  });

  it('keeps the last assignment and ignores assignments outside ext blocks', () => {
    const b = groovy("ext.v = '1.0'\next.v = '2.0'\nsubprojects { kafkaVersion = '9.9' }\ntask x { doLast { ext.inTask = '1' } }\n");
    expect(vars(b)).toEqual({ v: '2.0', inTask: '1' });
  });
});

describe('Gradle plugins and BOMs', () => {
  it('reads plugins {} in Groovy and Kotlin, with literal, template and variable versions', () => {
    const g = groovy("plugins {\n  id 'org.springframework.boot' version '2.7.0'\n  id \"io.spring.dependency-management\" version \"$dmVersion\"\n  id 'java-library'\n  id('com.google.protobuf') version('0.9.4') apply false\n  java\n}\n");
    expect(g.plugins.map((p) => `${p.id}${p.version ? ` ${p.version.value}` : ''}`)).toEqual(['org.springframework.boot 2.7.0', 'io.spring.dependency-management $dmVersion', 'java-library', 'com.google.protobuf 0.9.4', 'java']);
    expect(at(g.plugins[0]!.version)).toMatchObject({ line: 2, column: 42, endColumn: 47 });

    const text = 'plugins {\n    id("org.springframework.boot") version "3.2.0"\n    id("io.spring.dependency-management").version(dmVersion)\n    id("x") version springBootVersion apply false\n    kotlin("plugin.spring") version "1.9.22"\n    `java-library`\n    alias(libs.plugins.spring.boot)\n}\n';
    const k = kts(text);
    expect(k.plugins.map((p) => `${p.id || `alias ${p.catalogAlias}`}${p.version ? ` ${p.version.value}` : ''}`)).toEqual([
      'org.springframework.boot 3.2.0',
      'io.spring.dependency-management ${dmVersion}',
      'x ${springBootVersion}',
      'org.jetbrains.kotlin.plugin.spring 1.9.22',
      'java-library',
      'alias spring.boot',
    ]);
    expect(at(k.plugins[0]!.version)).toMatchObject(spot(text, '3.2.0'));
    expect(at(k.plugins[2]!.version)).toMatchObject(spot(text, 'springBootVersion'));
  });

  it('keeps legacy buildscript classpath plugins as dependencies, not plugins', () => {
    const b = groovy(SPRING_GROOVY);
    expect(b.plugins).toEqual([]);
    expect(b.dependencies[0]).toMatchObject({ configuration: 'classpath', group: 'org.springframework.boot', name: 'spring-boot-gradle-plugin', version: { value: '${springBootVersion}' } });
  });

  it('reads dependency-management mavenBom imports and bomProperty overrides', () => {
    const text = [
      'dependencyManagement {',
      '    imports {',
      "        mavenBom 'org.springframework.cloud:spring-cloud-dependencies:2021.0.8'",
      '        mavenBom("org.springframework.boot:spring-boot-dependencies:${springBootVersion}") {',
      "            bomProperty 'kafka.version', '3.1.2'",
      '        }',
      '        mavenBom SpringBootPlugin.BOM_COORDINATES',
      '    }',
      '}',
    ].join('\n');
    const b = groovy(text);
    expect(boms(b)).toEqual(['org.springframework.cloud:spring-cloud-dependencies 2021.0.8', 'org.springframework.boot:spring-boot-dependencies ${springBootVersion}']);
    expect(at(b.boms[0]!.version)).toMatchObject(spot(text, '2021.0.8'));
    expect(vars(b)).toEqual({ 'kafka.version': '3.1.2' });
    expect(b.dependencies).toEqual([]);
  });
});

describe('Gradle comments and strings', () => {
  it('ignores declarations in comments and strings', () => {
    const text = [
      'dependencies {',
      "    // implementation 'org.apache.kafka:kafka-clients:0.10.0.0'",
      "    /* implementation 'org.apache.kafka:kafka-clients:0.9.0.0' */",
      "    /** compile 'x:y:1'",
      "     *  ext.kafkaVersion = '0.8'",
      '     */',
      '    println "implementation \'x:y:1\'"',
      '    def doc = """',
      "    implementation 'triple:quoted:1'",
      '    """',
      "    def doc2 = '''",
      "    ext.fake = '1'",
      "    '''",
      '    implementation "real:one:${"nested }{ string"}" // after: implementation \'no:no:1\'',
      "    implementation 'real:two:2.0' /* implementation 'no:no:2' */",
      '}',
    ].join('\n');
    const b = groovy(text);
    expect(deps(b)).toEqual(['implementation real:one ${"nested }{ string"}', 'implementation real:two 2.0']);
    // The triple-quoted strings are literal values themselves, their content nothing more.
    expect(Object.keys(b.variables)).toEqual(['doc', 'doc2']);
    expect(b.variables.doc!.location).toMatchObject({ line: 8, column: 18, endLine: 8 });
  });

  it('reads a Spring Kafka sample end to end', () => {
    const b = groovy(SPRING_GROOVY);
    expect(deps(b)).toEqual([
      'classpath org.springframework.boot:spring-boot-gradle-plugin ${springBootVersion}',
      'compile org.springframework.boot:spring-boot-starter',
      'compile org.springframework.kafka:spring-kafka',
      'compile org.apache.avro:avro ${avroVersion}',
      'compile io.confluent:kafka-avro-serializer $confluentVersion',
      'testCompile org.springframework.boot:spring-boot-starter-test',
    ]);
    expect(vars(b)).toEqual({ springBootVersion: '2.0.5.RELEASE', 'kafka.version': '1.1.1', avroVersion: '1.8.2', confluentVersion: '4.1.0' });
    expect(at(b.variables.springBootVersion)).toMatchObject(spot(SPRING_GROOVY, '2.0.5.RELEASE'));
  });

  it('reads a modern Kotlin DSL build end to end', () => {
    const b = kts(MODERN_KTS);
    expect(deps(b)).toEqual([
      'implementation org.apache.kafka:kafka-streams $kafkaVersion',
      'implementation org.apache.kafka:kafka-clients ${kafkaVersion}',
      'implementation io.confluent:kafka-avro-serializer ${confluent}',
      'implementation libs.spring.kafka',
      'kapt org.mapstruct:mapstruct-processor 1.5.5.Final',
      'implementation com.example:with-closure 1.0',
    ]);
    expect(boms(b)).toEqual(['software.amazon.awssdk:bom 2.21.0']);
    expect(vars(b)).toEqual({ kafkaVersion: '3.6.1', confluent: '7.5.1', 'spring-kafka.version': '3.1.1' });
    expect(b.plugins.map((p) => p.id || `alias ${p.catalogAlias}`)).toEqual(['org.springframework.boot', 'io.spring.dependency-management', 'org.jetbrains.kotlin.jvm', 'java-library', 'alias versions']);
  });

  it('handles CRLF line ends and a byte-order mark', () => {
    const b = groovy("\uFEFFext.kafkaVersion = '2.0.0'\r\ndependencies {\r\n  implementation \"org.apache.kafka:kafka-clients:$kafkaVersion\"\r\n}\r\n");
    expect(vars(b)).toEqual({ kafkaVersion: '2.0.0' });
    expect(b.dependencies[0]!.version!.location).toMatchObject({ line: 3, column: 50, endColumn: 63 });
  });
});

describe('Gradle reader robustness', () => {
  it('never throws on random text, token soup or truncated real files', () => {
    const next = random(42);
    const alphabet = 'dependencies{}()[]\'"`$/*\\:=,.\n\r\t implementation ext extra val def libs platform plugins id version "${ \'\'\' """ // /* */ g:a:1';
    for (let n = 0; n < 300; n++) {
      let s = '';
      const len = Math.floor(next() * 400);
      for (let i = 0; i < len; i++) s += next() < 0.9 ? alphabet[Math.floor(next() * alphabet.length)] : String.fromCharCode(Math.floor(next() * 0xffff));
      expect(() => groovy(s)).not.toThrow();
      expect(() => kts(s)).not.toThrow();
    }
    for (const sample of [SPRING_GROOVY, MODERN_KTS]) {
      for (let cut = 0; cut <= sample.length; cut += 3) {
        expect(() => groovy(sample.slice(0, cut))).not.toThrow();
        expect(() => groovy(sample.slice(cut))).not.toThrow();
      }
    }
  });

  it('survives unterminated strings, comments and blocks without losing the rest of the file', () => {
    const b = groovy("ext.broken = 'no end\ndependencies {\n  implementation 'a:b:1.0'\n  implementation \"c:d:${oops\n  implementation 'e:f:2.0'\n}\n/* never closed\nimplementation 'x:y:1'\n");
    expect(deps(b)).toEqual(['implementation a:b 1.0', 'implementation e:f 2.0']);
    expect(deps(groovy("dependencies {\n  implementation('a:b:1.0'\n  implementation 'c:d:2.0'\n"))).toEqual(['implementation c:d 2.0']);
    expect(() => groovy('def s = """never closed ${ "x" \n'.repeat(100))).not.toThrow();
    expect(() => groovy("'''")).not.toThrow();
    expect(() => groovy('"${')).not.toThrow();
  });

  it('does not let written names reach object prototypes', () => {
    const b = groovy("ext['__proto__'] = '1'\next { __proto__ = [polluted: 'yes'] }\n");
    expect(Object.getPrototypeOf(b.variables)).toBe(Object.prototype);
    expect(vars(b)).toEqual({ '__proto__.polluted': 'yes' });
    const c = catalog('[versions]\n__proto__ = "1"\n[libraries]\n__proto__ = "a:b:1"\n');
    expect(Object.getPrototypeOf(c.versions)).toBe(Object.prototype);
    expect(Object.keys(c.libraries)).toEqual(['..proto..']);
  });

  it('survives deep nesting without recursion limits', () => {
    expect(() => groovy('"${"'.repeat(100_000))).not.toThrow();
    expect(() => groovy('{'.repeat(100_000) + '}'.repeat(50_000))).not.toThrow();
    expect(() => groovy('dependencies { implementation ' + '('.repeat(50_000))).not.toThrow();
    expect(() => groovy(')'.repeat(50_000) + '{'.repeat(50_000))).not.toThrow();
    expect(() => groovy('[' + 'a:\n'.repeat(20_000))).not.toThrow();
    // Continuation lines after commas are not new statements: no rescan of the argument list from every line.
    expect(groovy('dependencies {\n' + "x 'a:b:1',\n".repeat(100_000)).dependencies.length).toBeGreaterThan(0);
    expect(() => groovy('dependencies {\n' + 'x y(\n'.repeat(50_000) + ')'.repeat(50_000))).not.toThrow();
  });

  it('reads a 2 MB build file quickly', () => {
    const block = SPRING_GROOVY + MODERN_KTS;
    const text = block.repeat(Math.ceil(2_000_000 / block.length));
    const started = performance.now();
    const b = groovy(text);
    const elapsed = performance.now() - started;
    expect(b.dependencies.length).toBeGreaterThan(1000);
    expect(elapsed).toBeLessThan(2000);
  });
});

describe('Gradle versions resolve through the build assembly', () => {
  it('locates a kafka-clients version written in an ext variable', () => {
    const text = "ext.kafkaVersion = '0.10.2.1'\ndependencies {\n  implementation \"org.apache.kafka:kafka-clients:$kafkaVersion\"\n}\n";
    const [d] = assembleBuild([{ kind: 'gradle', build: groovy(text) }]);
    expect(d).toMatchObject({ name: 'org.apache.kafka:kafka-clients', declared: '$kafkaVersion', resolved: '0.10.2.1', location: { line: 1, column: 21 } });
  });
});

describe('Gradle version catalogs', () => {
  const TOML = [
    '# shared versions',
    '[versions]',
    'kafka = "3.6.0"',
    'boot = { strictly = "3.2.0", prefer = "3.2.1" }',
    'legacy = { require = "1.0", prefer = "1.1" }',
    "spring-kafka = '3.1.1'",
    '',
    '[libraries]',
    'kafka-clients = { module = "org.apache.kafka:kafka-clients", version.ref = "kafka" }',
    'kafka_streams = "org.apache.kafka:kafka-streams:3.5.0"',
    'spring-kafka = { group = "org.springframework.kafka", name = "spring-kafka", version.ref = "spring-kafka" }',
    'avro = { module = "org.apache.avro:avro", version = "1.11.3" }',
    'pinned = { module = "a:pinned", version = { strictly = "[1.0, 2.0[", prefer = "1.5" } }',
    '"quoted-alias" = { module = "q:q" }',
    'no-version = "org.slf4j:slf4j-api"',
    'dotted.module = "d:dotted"',
    'dotted.version = "4.0"',
    '',
    '[libraries.as-table]',
    'module = "t:table"',
    'version = "5.0" # trailing comment',
    '',
    '[bundles]',
    'kafka = ["kafka-clients", "kafka_streams"]',
    '',
    '[plugins]',
    'spring-boot = { id = "org.springframework.boot", version.ref = "boot" }',
    'dm = "io.spring.dependency-management:1.1.4"',
    'kotlin-jvm = { id = "org.jetbrains.kotlin.jvm", version = "1.9.22" }',
    'bare = "com.example.bare"',
  ].join('\n');

  it('reads versions, libraries and plugins in every form, aliases normalised', () => {
    const c = catalog(TOML);
    expect(Object.fromEntries(Object.entries(c.versions).map(([k, v]) => [k, v.value]))).toEqual({ kafka: '3.6.0', boot: '3.2.0', legacy: '1.1', 'spring-kafka': '3.1.1' });
    expect(Object.keys(c.libraries)).toEqual(['kafka.clients', 'kafka.streams', 'spring.kafka', 'avro', 'pinned', 'quoted.alias', 'no.version', 'dotted', 'as.table']);
    expect(c.libraries['kafka.clients']).toMatchObject({ group: 'org.apache.kafka', name: 'kafka-clients', versionRef: 'kafka' });
    expect(c.libraries['kafka.clients']!.version).toBeUndefined();
    expect(c.libraries['kafka.streams']).toMatchObject({ group: 'org.apache.kafka', name: 'kafka-streams', version: { value: '3.5.0' } });
    expect(c.libraries['spring.kafka']).toMatchObject({ group: 'org.springframework.kafka', name: 'spring-kafka', versionRef: 'spring-kafka' });
    expect(c.libraries.pinned!.version!.value).toBe('[1.0, 2.0[');
    expect(c.libraries['quoted.alias']).toMatchObject({ group: 'q', name: 'q' });
    expect(c.libraries['no.version']!.version).toBeUndefined();
    expect(c.libraries.dotted).toMatchObject({ group: 'd', name: 'dotted', version: { value: '4.0' } });
    expect(c.libraries['as.table']).toMatchObject({ group: 't', name: 'table', version: { value: '5.0' } });
    expect(c.plugins).toMatchObject({
      'spring.boot': { id: 'org.springframework.boot', versionRef: 'boot' },
      dm: { id: 'io.spring.dependency-management', version: { value: '1.1.4' } },
      'kotlin.jvm': { id: 'org.jetbrains.kotlin.jvm', version: { value: '1.9.22' } },
      bare: { id: 'com.example.bare' },
    });
    expect(c.plugins.bare!.version).toBeUndefined();
  });

  it('locates every version at its literal and every entry at its line', () => {
    const c = catalog(TOML);
    expect(c.versions.kafka!.location).toEqual({ file: 'gradle/libs.versions.toml', line: 3, column: 10, endLine: 3, endColumn: 15 });
    expect(at(c.versions.boot)).toMatchObject(spot(TOML, '3.2.0'));
    expect(at(c.versions.legacy)).toMatchObject(spot(TOML, '1.1'));
    expect(at(c.versions['spring-kafka'])).toMatchObject(spot(TOML, '3.1.1'));
    expect(at(c.libraries['kafka.streams']!.version)).toMatchObject(spot(TOML, '3.5.0'));
    expect(at(c.libraries.avro!.version)).toMatchObject(spot(TOML, '1.11.3'));
    expect(at(c.libraries.pinned!.version)).toMatchObject(spot(TOML, '[1.0, 2.0['));
    expect(at(c.libraries.dotted!.version)).toMatchObject(spot(TOML, '4.0'));
    expect(at(c.libraries['as.table']!.version)).toMatchObject({ line: 21, column: 12, endLine: 21, endColumn: 15 });
    expect(at(c.plugins.dm!.version)).toMatchObject(spot(TOML, '1.1.4'));
    expect(at(c.plugins['kotlin.jvm']!.version)).toMatchObject(spot(TOML, '1.9.22'));
    expect(c.libraries['kafka.clients']!.location).toMatchObject({ line: 9, column: 1, endLine: 9, endColumn: 85 });
    expect(c.libraries['quoted.alias']!.location).toMatchObject({ line: 14, column: 1 });
    expect(c.libraries.dotted!.location).toMatchObject({ line: 16, column: 1 });
    expect(c.libraries['as.table']!.location).toMatchObject({ line: 19, column: 1, endColumn: 21 });
    expect(c.plugins['spring.boot']!.location).toMatchObject({ line: 27 });
  });

  it('reads CRLF files and multi-line inline tables', () => {
    const text = '[versions]\r\nkafka = "2.8.1"\r\n[libraries]\r\nkafka-clients = {\r\n  module = "org.apache.kafka:kafka-clients",\r\n  version = "2.8.2",\r\n}\r\n';
    const c = catalog(text.replace(/,\r\n}/, '\r\n}'));
    expect(c.versions.kafka!.location).toMatchObject({ line: 2, column: 10, endColumn: 15 });
    expect(c.libraries['kafka.clients']).toMatchObject({ version: { value: '2.8.2', location: { line: 6, column: 14, endColumn: 19 } }, location: { line: 4, column: 1, endLine: 4 } });
  });

  it('takes strictly, then prefer, then require (require is only a lower bound)', () => {
    const c = catalog('[versions]\na = { prefer = "3", require = "2", strictly = "1" }\nb = { prefer = "3", require = "2" }\nc = { prefer = "3" }\nd = { reject = ["1"] }\n');
    expect(Object.fromEntries(Object.entries(c.versions).map(([k, v]) => [k, v.value]))).toEqual({ a: '1', b: '3', c: '3' });
    expect(at(c.versions.b)).toMatchObject({ line: 3, column: 17, endColumn: 18 });
    expect(at(c.versions.a)).toMatchObject({ line: 2, column: 48, endColumn: 49 });
  });

  it('reports TOML syntax errors with their position', () => {
    expect(readVersionCatalog(new LineIndex('libs.versions.toml', '[versions]\nkafka = "3.6.0\n'))).toEqual({ error: { message: expect.any(String), line: 2, column: 15 } });
    const r = readVersionCatalog(new LineIndex('libs.versions.toml', '[libraries]\nx = { module "a:b" }\n'));
    expect('error' in r && r.error.line).toBe(2);
    expect('error' in r && r.error.message).not.toContain('\n');
  });

  it('skips malformed entries and never throws on random input', () => {
    const c = catalog('[libraries]\na = 42\nb = { version = "1.0" }\nc = "nocolon"\nd = "a:b:c:d"\n[plugins]\np = { version = "1" }\n[versions]\nv = 3\n');
    expect(c).toEqual({ file: 'gradle/libs.versions.toml', versions: {}, libraries: {}, plugins: {} });
    const next = random(7);
    const alphabet = '[]{}="\'.,#\n abc-_123libraries versions plugins module version ref strictly';
    for (let n = 0; n < 500; n++) {
      let s = '';
      for (let i = Math.floor(next() * 200); i > 0; i--) s += alphabet[Math.floor(next() * alphabet.length)];
      expect(() => readVersionCatalog(new LineIndex('x.toml', s))).not.toThrow();
    }
    for (let cut = 0; cut <= TOML.length; cut += 2) expect(() => readVersionCatalog(new LineIndex('x.toml', TOML.slice(0, cut)))).not.toThrow();
  });
});

describe('catalog references in plugins and platforms', () => {
  it('records alias(libs.plugins.x) and platform(libs.x) with their catalog aliases', () => {
    const b = readGradle(new LineIndex('build.gradle.kts', 'plugins {\n  alias(libs.plugins.spring.boot)\n}\ndependencies {\n  implementation(platform(libs.spring.boot.bom))\n}\n'));
    expect(b.plugins).toEqual([{ id: '', catalogAlias: 'spring.boot' }]);
    expect(b.boms).toEqual([{ group: '', name: '', catalogAlias: 'spring.boot.bom' }]);
  });
});
