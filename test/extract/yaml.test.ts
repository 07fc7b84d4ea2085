import { describe, expect, it } from 'vitest';
import { readYaml } from '../../src/extract/yaml.js';
import { LineIndex } from '../../src/location.js';

const flat = (text: string) => {
  const { docs, error } = readYaml(new LineIndex('a.yml', text));
  if (error) throw new Error(error.message);
  return docs.map((d) => d.entries.map((e) => `${e.location.line}:${e.location.column} ${e.key}=${e.value}`));
};

describe('YAML reader', () => {
  it('flattens nested maps, dotted keys and scalar lists', () => {
    const text = 'spring:\n  kafka:\n    bootstrap-servers:\n      - a:9092\n      - b:9092\n    properties:\n      sasl.mechanism: PLAIN\n      ssl:\n        endpoint.identification.algorithm:\n';
    expect(flat(text)).toEqual([
      ['3:5 spring.kafka.bootstrap-servers=a:9092,b:9092', '7:7 spring.kafka.properties.sasl.mechanism=PLAIN', '9:9 spring.kafka.properties.ssl.endpoint.identification.algorithm='],
    ]);
  });

  it('reads every document of a multi-document file', () => {
    expect(flat('a: 1\n---\nb: 2\n')).toEqual([['1:1 a=1'], ['3:1 b=2']]);
  });

  it('resolves anchors and merge keys at the anchored key, explicit keys winning', () => {
    const text = 'base: &base\n  acks: 0\n  retries: 0\nspring.kafka.producer:\n  <<: *base\n  retries: 3\n';
    expect(flat(text)[0]).toEqual(['2:3 base.acks=0', '3:3 base.retries=0', '2:3 spring.kafka.producer.acks=0', '6:3 spring.kafka.producer.retries=3']);
  });

  it('keeps numbers as written and reads YAML 1.1 booleans like Spring', () => {
    expect(flat('a: 1048576\nb: on\nc: 1.0\nd: "007"\n')[0]).toEqual(['1:1 a=1048576', '2:1 b=true', '3:1 c=1.0', '4:1 d=007']);
  });

  it('reports syntax errors with a position instead of throwing', () => {
    const { docs, error } = readYaml(new LineIndex('a.yml', 'a: [1, 2\nb: 3\n'));
    expect(docs).toEqual([]);
    expect(error?.line).toBeGreaterThanOrEqual(1);
    expect(error?.message.length).toBeGreaterThan(0);
  });
});
