// Worker thread entry (bundled to dist/workers/svd-worker.js): reads and resolves
// SVD files on request and posts each plain-data model back. The thread stays up
// between requests; main/session/svd/worker-client.ts owns its lifetime.
import { parentPort } from 'node:worker_threads';
import { OpenOCDError } from '../openocd/errors';
import { parseSvdFile } from '../session/svd/read';
import type { SvdWorkerReply, SvdWorkerRequest } from '../session/svd/worker-client';

const port = parentPort;
if (port === null) throw new Error('svd-worker must run as a worker thread');

port.on('message', (req: SvdWorkerRequest) => {
  void parseSvdFile(req.filePath).then(
    (device): void => port.postMessage({ id: req.id, ok: true, device } satisfies SvdWorkerReply),
    (err: unknown): void => {
      const kind = err instanceof OpenOCDError ? err.kind : 'SVDError';
      const message = err instanceof Error ? err.message : String(err);
      port.postMessage({ id: req.id, ok: false, kind, message } satisfies SvdWorkerReply);
    },
  );
});
