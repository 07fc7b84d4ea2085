import { describe, expect, it } from 'vitest';
import { dataSizeBytes, durationMs, resolvePlain, resolveSpring } from '../../src/extract/values.js';

describe('value resolution', () => {
  it('Spring placeholders resolve to their literal fallback, nested too; without one they are unknown', () => {
    expect(resolveSpring('${KAFKA:localhost:9092}')).toEqual({ value: 'localhost:9092', fromDefault: true });
    expect(resolveSpring('${A:${B:x}}')).toEqual({ value: 'x', fromDefault: true });
    expect(resolveSpring('${ACKS}')).toEqual({ value: undefined, template: '${ACKS}' });
    expect(resolveSpring('pre-${X:1}-post')).toEqual({ value: 'pre-1-post', fromDefault: true });
    expect(resolveSpring('user="${U}" pw=1')).toEqual({ value: undefined, template: 'user="${U}" pw=1' });
    expect(resolveSpring('#{systemProperties.x}').value).toBeUndefined();
    expect(resolveSpring('plain')).toEqual({ value: 'plain' });
  });

  it('Kafka config-provider references are unknown', () => {
    expect(resolvePlain('${file:/etc/kafka/secrets.properties:password}')).toEqual({ value: undefined, template: '${file:/etc/kafka/secrets.properties:password}' });
    expect(resolvePlain('SASL_SSL')).toEqual({ value: 'SASL_SSL' });
  });

  it('converts Spring Duration and DataSize values', () => {
    expect(durationMs('3s')).toBe('3000');
    expect(durationMs('500ms')).toBe('500');
    expect(durationMs('PT5M')).toBe('300000');
    expect(durationMs('PT1.5S')).toBe('1500');
    expect(durationMs('45000')).toBe('45000');
    expect(durationMs('soon')).toBeUndefined();
    expect(dataSizeBytes('16KB')).toBe('16384');
    expect(dataSizeBytes('1MB')).toBe('1048576');
    expect(dataSizeBytes('1000000')).toBe('1000000');
  });
});
