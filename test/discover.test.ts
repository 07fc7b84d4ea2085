import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { discover, isTestPath } from '../src/discover.js';
import { tempDir } from './harness/tmp.js';

function tree(files: string[]): string {
  const dir = tempDir('disc');
  for (const f of files) {
    const [name, text = 'bootstrap.servers=k:9092\n'] = f.split('::');
    mkdirSync(path.dirname(path.join(dir, name!)), { recursive: true });
    writeFileSync(path.join(dir, name!), text.replace(/\\n/g, '\n'));
  }
  return dir;
}

async function found(dir: string, options: Partial<Parameters<typeof discover>[0]> = {}) {
  const { files } = await discover({ roots: ['.'], cwd: dir, includeTests: false, include: [], exclude: [], gitignore: true, ...options });
  return files.map((f) => f.path);
}

describe('discovery', () => {
  it('picks configuration files by name and skips build output, dependencies and VCS folders', async () => {
    const dir = tree([
      'app/src/main/resources/application.yml',
      'app/client.properties',
      'app/kafka.conf',
      'app/.env',
      'app/appsettings.json',
      'app/Main.java',
      'app/README.md',
      'app/package-lock.json',
      'node_modules/x/client.properties',
      'app/target/classes/application.yml',
      'app/build/resources/main/application.yml',
      'dist/client.properties',
      '.git/config.properties',
      'vendor/client.properties',
      'app/src/main/java/com/acme/build/kafka.properties',
      'web/src/kafka.ts',
      'web/src/types.d.ts',
      'web/public/vendor.min.js',
      'web/.next/server/chunks/kafka.js',
      'web/coverage/lcov-report/kafka.ts.js',
    ]);
    expect(await found(dir)).toEqual([
      'app/.env',
      'app/Main.java',
      'app/appsettings.json',
      'app/client.properties',
      'app/kafka.conf',
      'app/package-lock.json',
      'app/src/main/java/com/acme/build/kafka.properties',
      'app/src/main/resources/application.yml',
      'web/src/kafka.ts',
    ]);
  });

  it('honours nested .gitignore files and can ignore them', async () => {
    const dir = tree(['.gitignore::secrets/\\n', 'secrets/client.properties', 'svc/.gitignore::local-*.properties\\n', 'svc/local-dev.properties', 'svc/client.properties', 'other/local-dev.properties']);
    expect(await found(dir)).toEqual(['other/local-dev.properties', 'svc/client.properties']);
    expect(await found(dir, { gitignore: false })).toHaveLength(4);
  });

  it('skips test sources unless asked, but not names that merely contain "test"', async () => {
    const files = [
      'src/test/resources/application.yml',
      'test/client.properties',
      'svc/tests/client.properties',
      'web/__tests__/kafka.json',
      'svc/src/integrationTest/resources/application.yml',
      'svc/src/main/resources/application-test.properties',
      'svc/TestProducer.properties',
      'svc/fixture.spec.json',
    ];
    const dir = tree(files);
    expect(await found(dir)).toEqual(['svc/TestProducer.properties', 'svc/src/main/resources/application-test.properties']);
    expect(await found(dir, { includeTests: true })).toHaveLength(files.length);
    expect(isTestPath('a/src/test/java/OrderProducerTest.java')).toBe(true);
    expect(isTestPath('a/OrderIT.java')).toBe(true);
    expect(isTestPath('a/src/main/java/TestSupport.java')).toBe(false);
  });

  it('applies --include and --exclude as gitignore-style patterns', async () => {
    const dir = tree(['a/client.properties', 'a/application.yml', 'b/client.properties', 'b/deep/x.properties']);
    expect(await found(dir, { include: ['*.properties'] })).toEqual(['a/client.properties', 'b/client.properties', 'b/deep/x.properties']);
    expect(await found(dir, { exclude: ['b/'] })).toEqual(['a/application.yml', 'a/client.properties']);
    expect(await found(dir, { include: ['b/'], exclude: ['deep'] })).toEqual(['b/client.properties']);
  });

  it('scans a file named on the command line whatever its path', async () => {
    const dir = tree(['src/test/resources/client.properties']);
    const { files } = await discover({ roots: ['src/test/resources/client.properties'], cwd: dir, includeTests: false, include: [], exclude: [], gitignore: true });
    expect(files.map((f) => f.path)).toEqual(['src/test/resources/client.properties']);
  });
});
