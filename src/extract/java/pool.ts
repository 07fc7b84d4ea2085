// Java parsing on worker threads (java-parser is ~1 MB/s, so it is the slow part of a Java scan), or in-process
// where workers cannot run (tests from TypeScript sources) or are not worth their start-up cost.
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import { loadParser, parseWith, type ParseResult } from './parse.js';

interface Pending {
  resolve: (r: ParseResult) => void;
  text: string;
}

/**
 * V8's young generation sized for java-parser's allocation rate: the same effect as `--max-semi-space-size=64`,
 * 1.25–1.45x faster with lower peak memory (PERFORMANCE.md).
 */
const YOUNG_GENERATION_MB = 384;

const WORKER = fileURLToPath(new URL('./worker.js', import.meta.url));

export class ParsePool {
  private readonly workers: Worker[] = [];
  private readonly idle: Worker[] = [];
  private readonly queue: Array<{ id: number; job: Pending }> = [];
  private readonly running = new Map<number, Pending>();
  private nextId = 0;
  private failed: Error | undefined;

  /** `jobs` worker threads; 0 (or no compiled worker next to this file) parses on the calling thread. */
  constructor(jobs: number) {
    if (jobs <= 0 || !existsSync(WORKER)) return;
    for (let i = 0; i < jobs; i++) {
      const w = new Worker(WORKER, { resourceLimits: { maxYoungGenerationSizeMb: YOUNG_GENERATION_MB } });
      w.on('message', (m: { ready?: true; id?: number; result?: ParseResult }) => {
        if (m.id !== undefined && m.result) {
          const job = this.running.get(m.id);
          this.running.delete(m.id);
          job?.resolve(m.result);
        }
        this.idle.push(w);
        this.pump();
      });
      w.on('error', (e) => this.fail(e));
      this.workers.push(w);
    }
  }

  get threads(): number {
    return this.workers.length;
  }

  parse(text: string): Promise<ParseResult> {
    if (this.workers.length === 0 || this.failed) return loadParser().then((p) => parseWith(p, text));
    return new Promise((resolve) => {
      this.queue.push({ id: this.nextId++, job: { resolve, text } });
      this.pump();
    });
  }

  private pump(): void {
    while (this.idle.length > 0 && this.queue.length > 0) {
      const w = this.idle.pop()!;
      const { id, job } = this.queue.shift()!;
      this.running.set(id, job);
      w.postMessage({ id, text: job.text });
    }
  }

  /** A worker that dies (out of memory on a giant file) hands its work back to the calling thread. */
  private fail(e: Error): void {
    this.failed ??= e;
    const orphans = [...this.running.values(), ...this.queue.map((q) => q.job)];
    this.running.clear();
    this.queue.length = 0;
    for (const job of orphans) void loadParser().then((p) => job.resolve(parseWith(p, job.text)));
    void this.close();
  }

  async close(): Promise<void> {
    const all = this.workers.splice(0);
    this.idle.length = 0;
    await Promise.all(all.map((w) => w.terminate()));
  }
}
