/**
 * A worker thread of the minutes press (press.ts): it draws and lays out the PDFs, so that the service's
 * event loop goes on answering while a long set of minutes is typeset. Bundled as
 * dist/minutes-worker.js beside dist/main.js (bot/build.mjs).
 */
import { parentPort } from 'node:worker_threads';
import { typeset, type MinutesOrder, type Typeset } from './typeset';

export type PressReply = { readonly typeset: Typeset | null } | { readonly failed: string };

const port = parentPort;
if (!port) throw new Error('the minutes worker runs in a worker thread');

port.on('message', (input: MinutesOrder) => {
  Promise.resolve(input)
    .then(typeset)
    .then(
      (done) => {
        port.postMessage({ typeset: done } satisfies PressReply);
      },
      (error: unknown) => {
        port.postMessage({ failed: String(error) } satisfies PressReply);
      },
    );
});
