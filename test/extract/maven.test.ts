import { describe, expect, it } from 'vitest';
import type { BuildFile, MavenPom } from '../../src/extract/build-types.js';
import { assembleBuild } from '../../src/extract/build.js';
import { readPom } from '../../src/extract/maven.js';
import { LineIndex } from '../../src/location.js';

const pom = (file: string, xml: string): MavenPom => {
  const r = readPom(new LineIndex(file, xml));
  if ('error' in r) throw new Error(r.error.message);
  return r;
};
const deps = (files: Record<string, string>) =>
  assembleBuild(Object.entries(files).map(([f, x]): BuildFile => ({ kind: 'maven', pom: pom(f, x) }))).map(
    (d) => `${d.file} ${d.name} ${d.resolved ?? '?'} @${d.location.file}:${d.location.line}:${d.location.column}${d.via ? ` (${d.via})` : ''}`,
  );

const dep = (g: string, a: string, v?: string, extra = '') => `<dependency><groupId>${g}</groupId><artifactId>${a}</artifactId>${v ? `<version>${v}</version>` : ''}${extra}</dependency>`;

describe('pom reader', () => {
  it('reads coordinates, parent, properties, dependencies and management with exact positions', () => {
    const p = pom(
      'pom.xml',
      '<?xml version="1.0"?>\n<project xmlns="http://maven.apache.org/POM/4.0.0">\n  <parent><groupId>g</groupId><artifactId>p</artifactId><version>1.0</version><relativePath>../p</relativePath></parent>\n  <artifactId>a</artifactId>\n  <properties>\n    <kafka.version> 2.8.1 </kafka.version>\n  </properties>\n  <dependencies>\n    <dependency>\n      <groupId>org.apache.kafka</groupId>\n      <artifactId>kafka-clients</artifactId>\n      <version>${kafka.version}</version>\n      <scope>test</scope>\n    </dependency>\n  </dependencies>\n  <dependencyManagement><dependencies>' +
        dep('org.springframework.boot', 'spring-boot-dependencies', '2.7.0', '<type>pom</type><scope>import</scope>') +
        '</dependencies></dependencyManagement>\n</project>\n',
    );
    expect(p.parent).toMatchObject({ groupId: 'g', artifactId: 'p', relativePath: '../p', version: { value: '1.0' } });
    expect(p.properties['kafka.version']).toEqual({ value: '2.8.1', location: { file: 'pom.xml', line: 6, column: 21, endLine: 6, endColumn: 26 } });
    expect(p.dependencies[0]).toMatchObject({ groupId: 'org.apache.kafka', artifactId: 'kafka-clients', scope: 'test', version: { value: '${kafka.version}', location: { line: 12, column: 16 } }, declaredAt: { line: 11 } });
    expect(p.managed[0]).toMatchObject({ artifactId: 'spring-boot-dependencies', scope: 'import', type: 'pom' });
  });

  it('reports malformed XML with a position', () => {
    const r = readPom(new LineIndex('pom.xml', '<project>\n  <dependencies>\n</project>\n'));
    expect('error' in r && r.error.line).toBe(3);
  });
});

describe('Maven version resolution', () => {
  it('follows properties through the parent chain, to the line where the version is written', () => {
    const root = `<project><groupId>com.acme</groupId><artifactId>parent</artifactId><version>1</version>\n<properties>\n<kafka.version>\${legacy.kafka}</kafka.version>\n<legacy.kafka>0.10.2.1</legacy.kafka>\n</properties></project>`;
    const app = `<project><parent><groupId>com.acme</groupId><artifactId>parent</artifactId><version>1</version></parent><artifactId>app</artifactId>\n<dependencies>\n${dep('org.apache.kafka', 'kafka-clients', '${kafka.version}')}\n</dependencies></project>`;
    expect(deps({ 'pom.xml': root, 'app/pom.xml': app })).toEqual(['app/pom.xml org.apache.kafka:kafka-clients 0.10.2.1 @pom.xml:4:15 (property legacy.kafka)']);
  });

  it('takes versions from dependencyManagement and from BOMs that are part of the scan', () => {
    const bom = `<project><groupId>com.acme</groupId><artifactId>bom</artifactId><version>1</version><dependencyManagement><dependencies>\n${dep('org.apache.kafka', 'kafka-streams', '3.6.1')}\n</dependencies></dependencyManagement></project>`;
    const app = `<project><groupId>com.acme</groupId><artifactId>app</artifactId><dependencyManagement><dependencies>${dep('com.acme', 'bom', '1', '<type>pom</type><scope>import</scope>')}\n${dep('org.apache.kafka', 'kafka-clients', '3.7.0')}</dependencies></dependencyManagement>\n<dependencies>\n${dep('org.apache.kafka', 'kafka-clients')}\n${dep('org.apache.kafka', 'kafka-streams')}\n</dependencies></project>`;
    expect(deps({ 'bom/pom.xml': bom, 'app/pom.xml': app })).toEqual([
      'app/pom.xml org.apache.kafka:kafka-clients 3.7.0 @app/pom.xml:2:95',
      'app/pom.xml org.apache.kafka:kafka-streams 3.6.1 @bom/pom.xml:2:95',
    ]);
  });

  it('knows what Spring Boot manages, and the kafka.version override', () => {
    const boot = (version: string, props = '') =>
      `<project><parent><groupId>org.springframework.boot</groupId><artifactId>spring-boot-starter-parent</artifactId><version>${version}</version></parent><artifactId>app</artifactId>${props}\n<dependencies>\n${dep('org.springframework.kafka', 'spring-kafka')}\n${dep('org.apache.kafka', 'kafka-clients')}\n</dependencies></project>`;
    expect(deps({ 'a/pom.xml': boot('1.5.22.RELEASE') })).toEqual([
      'a/pom.xml org.springframework.kafka:spring-kafka 1.1.x @a/pom.xml:1:121 (Spring Boot 1.5.22.RELEASE)',
      'a/pom.xml org.apache.kafka:kafka-clients ? @a/pom.xml:4:60',
    ]);
    expect(deps({ 'a/pom.xml': boot('2.7.18') })[1]).toBe('a/pom.xml org.apache.kafka:kafka-clients 3.1.x @a/pom.xml:1:121 (Spring Boot 2.7.18)');
    expect(deps({ 'a/pom.xml': boot('2.7.18', '<properties><kafka.version>0.11.0.3</kafka.version></properties>') })[1]).toBe(
      'a/pom.xml org.apache.kafka:kafka-clients 0.11.0.3 @a/pom.xml:1:201 (property kafka.version over Spring Boot 2.7.18)',
    );
  });

  it('leaves versions it cannot know unknown, never guessed, and survives parent cycles', () => {
    const a = `<project><parent><groupId>g</groupId><artifactId>b</artifactId><version>1</version><relativePath>../b</relativePath></parent><groupId>g</groupId><artifactId>a</artifactId>\n<dependencies>${dep('org.apache.kafka', 'kafka-clients', '${missing}')}${dep('org.apache.kafka', 'kafka-streams', '[1.0,2.0)')}</dependencies></project>`;
    const b = `<project><parent><groupId>g</groupId><artifactId>a</artifactId><version>1</version><relativePath>../a</relativePath></parent><groupId>g</groupId><artifactId>b</artifactId></project>`;
    const out = deps({ 'a/pom.xml': a, 'b/pom.xml': b });
    expect(out[0]).toBe('a/pom.xml org.apache.kafka:kafka-clients ? @a/pom.xml:2:109');
    expect(out[1]).toMatch(/kafka-streams \? /); // a range is resolved by the repository, never by the scanner
  });
});
