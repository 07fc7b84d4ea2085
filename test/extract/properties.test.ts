import { describe, expect, it } from 'vitest';
import { readProperties } from '../../src/extract/properties.js';
import { LineIndex } from '../../src/location.js';

const read = (text: string) => readProperties(new LineIndex('f.properties', text));
const pairs = (text: string) => read(text).flatMap((d) => d.entries.map((e) => [e.key, e.value, `${e.location.line}:${e.location.column}`]));

describe('properties reader', () => {
  it('reads the Java properties syntax: separators, comments, continuations, escapes', () => {
    const text = [
      '# comment',
      '! bang comment',
      'security.protocol = \\',
      '    SASL_SSL',
      'acks:0',
      'linger.ms 5',
      '  key\\ with\\=escapes = caf\\u00e9',
      'empty=',
    ].join('\n');
    expect(pairs(text)).toEqual([
      ['security.protocol', 'SASL_SSL', '3:1'],
      ['acks', '0', '5:1'],
      ['linger.ms', '5', '6:1'],
      ['key with=escapes', 'café', '7:3'],
      ['empty', '', '8:1'],
    ]);
  });

  it('keeps a continued value on its key\'s line and region', () => {
    const [entry] = read('sasl.jaas.config=org.apache.kafka.common.security.plain.PlainLoginModule required \\\n  username="$ConnectionString";\n')[0]!.entries;
    expect(entry!.value).toBe('org.apache.kafka.common.security.plain.PlainLoginModule required username="$ConnectionString";');
    expect(entry!.location).toMatchObject({ line: 1, column: 1, endLine: 1 });
  });

  it('handles CRLF and lone CR line ends', () => {
    expect(pairs('a=1\r\nb=2\rc=3\n')).toEqual([
      ['a', '1', '1:1'],
      ['b', '2', '2:1'],
      ['c', '3', '3:1'],
    ]);
  });

  it('splits Spring Boot multi-document properties at #--- and !---', () => {
    const docs = read('spring.kafka.producer.acks=1\n#---\nspring.config.activate.on-profile=prod\nspring.kafka.producer.acks=0\n!---\nx=1\n');
    expect(docs.map((d) => d.entries.map((e) => e.key))).toEqual([['spring.kafka.producer.acks'], ['spring.config.activate.on-profile', 'spring.kafka.producer.acks'], ['x']]);
  });

  it('locates a key with an exclusive end column after its value', () => {
    const [entry] = read('  acks = all\n')[0]!.entries;
    expect(entry!.location).toEqual({ file: 'f.properties', line: 1, column: 3, endLine: 1, endColumn: 13 });
  });
});
