// A parse worker: receives `{ id, text }`, answers `{ id, result }` with the small tree or the syntax error.
import { parentPort } from 'node:worker_threads';
import { loadParser, parseWith } from './parse.js';

const parse = await loadParser();
parentPort!.on('message', (job: { id: number; text: string }) => {
  let result;
  try {
    result = parseWith(parse, job.text);
  } catch (e) {
    // A converter bug on one file must not take the others down.
    result = { error: { message: `internal error while reading the file: ${e instanceof Error ? e.message : String(e)}` } };
  }
  parentPort!.postMessage({ id: job.id, result });
});
parentPort!.postMessage({ ready: true });
