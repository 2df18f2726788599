// Worker thread entry (bundled to dist/workers/svd-worker.js): reads and resolves
// SVD files on request and posts each plain-data model back as JSON text (svd/wire.ts):
// one flat string crosses the thread boundary as a copy, where structured-cloning the
// object tree (~100k objects for an STM32H7) cost a third of the parse again (bench/svd.ts).
// The thread stays up between requests; main/session/svd/worker-client.ts owns its lifetime.
import { parentPort } from 'node:worker_threads';
import { OpenOCDError } from '../openocd/errors';
import { parseSvdFile } from '../session/svd/read';
import { encodeDevice } from '../session/svd/wire';
import type { SvdWorkerReply, SvdWorkerRequest } from '../session/svd/worker-client';

const port = parentPort;
if (port === null) throw new Error('svd-worker must run as a worker thread');

port.on('message', (req: SvdWorkerRequest) => {
  void parseSvdFile(req.filePath).then(
    (device): void => port.postMessage({ id: req.id, ok: true, json: encodeDevice(device) } satisfies SvdWorkerReply),
    (err: unknown): void => {
      const kind = err instanceof OpenOCDError ? err.kind : 'SVDError';
      const message = err instanceof Error ? err.message : String(err);
      port.postMessage({ id: req.id, ok: false, kind, message } satisfies SvdWorkerReply);
    },
  );
});
