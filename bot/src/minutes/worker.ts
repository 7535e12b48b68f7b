/**
 * A worker thread of the minutes press (press.ts): it lays out the PDFs, so that the service's
 * event loop goes on answering while a long set of minutes is typeset. Bundled as
 * dist/minutes-worker.js beside dist/main.js (bot/build.mjs).
 */
import { parentPort } from 'node:worker_threads';
import type { MinutesDocument } from '@council/shared';
import { renderMinutesPdf } from './pdf';

export type PressReply = { readonly pdf: Uint8Array } | { readonly failed: string };

const port = parentPort;
if (!port) throw new Error('the minutes worker runs in a worker thread');

port.on('message', (minutes: MinutesDocument) => {
  Promise.resolve(minutes)
    .then(renderMinutesPdf)
    .then(
      (pdf) => {
        port.postMessage({ pdf } satisfies PressReply);
      },
      (error: unknown) => {
        port.postMessage({ failed: String(error) } satisfies PressReply);
      },
    );
});
