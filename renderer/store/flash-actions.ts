// The flash panel's actions: stage an image (dialog or upload), start a job, cancel
// it, and fold the job's events into the store. The final event always comes, so
// a job view only ever ends with done, failed or cancelled.
import { MAX_IMAGE_BYTES, UPLOAD_CHUNK_BYTES, type FlashJobEvent, type FlashOp } from '../../shared/workbench';
import { toBase64 } from '../lib/base64';
import { formatBytes, parseAddress } from '../lib/numbers';
import { currentApi } from './actions';
import { useStore } from './index';

const fail = (message: string): void => useStore.setState({ flashError: { kind: 'ValidationError', message } });

export function setFlashFields(patch: { flashAddressText?: string; flashVerify?: boolean; flashResetAfter?: boolean; eraseAddressText?: string; eraseLengthText?: string }): void {
  useStore.setState(patch);
}

/** Desktop app: the native open dialog; main reads the file (again at every Program). */
export async function chooseWithDialog(): Promise<void> {
  const r = await currentApi().chooseImageFile();
  if (!r.ok) return void useStore.setState({ flashError: r.error });
  if (r.value) useStore.setState({ image: r.value, flashError: undefined });
}

/** Browser: send the picked file's bytes to main in chunks. */
export async function uploadFile(file: File): Promise<void> {
  useStore.setState({ flashError: undefined, image: undefined });
  if (file.size === 0) return fail(`${file.name} is empty`);
  if (file.size > MAX_IMAGE_BYTES) {
    return fail(`${file.name} is ${formatBytes(file.size)}: images are limited to ${formatBytes(MAX_IMAGE_BYTES)} in the browser`);
  }
  const bytes = new Uint8Array(await file.arrayBuffer());
  const api = currentApi();
  const begin = await api.beginImageUpload({ name: file.name, size: bytes.length });
  if (!begin.ok) return void useStore.setState({ flashError: begin.error });
  const { imageId } = begin.value;
  for (let offset = 0; offset < bytes.length; offset += UPLOAD_CHUNK_BYTES) {
    useStore.setState({ upload: { name: file.name, sent: offset, total: bytes.length } });
    const r = await api.uploadImageChunk({ imageId, offset, data: toBase64(bytes.subarray(offset, offset + UPLOAD_CHUNK_BYTES)) });
    if (!r.ok) return void useStore.setState({ upload: undefined, flashError: r.error });
    if (r.value.image) useStore.setState({ image: r.value.image });
  }
  useStore.setState({ upload: undefined });
}

export async function startFlash(op: FlashOp): Promise<void> {
  const s = useStore.getState();
  if (s.flashJob && !s.flashJob.outcome) return;
  const req: { op: FlashOp; verify: boolean; resetAfter: boolean; imageId?: string; address?: number; length?: number } = {
    op,
    verify: s.flashVerify,
    resetAfter: s.flashResetAfter,
  };
  if (op === 'erase-range') {
    const a = parseAddress(s.eraseAddressText);
    if (!a.ok) return fail(`Erase address: ${a.error}`);
    const n = parseAddress(s.eraseLengthText);
    if (!n.ok) return fail(`Erase length: ${n.error}`);
    if (n.value === 0) return fail('Erase length: at least 1 byte');
    req.address = a.value;
    req.length = n.value;
  } else if (op !== 'erase-all') {
    if (!s.image) return fail('Choose an image file first.');
    req.imageId = s.image.imageId;
    if (s.image.format === 'bin') {
      const a = parseAddress(s.flashAddressText);
      if (!a.ok) return fail(a.error);
      req.address = a.value;
    }
  }
  useStore.setState({ flashError: undefined, flashJob: op === 'program' ? { op, cancelling: false, resetAfter: s.flashResetAfter } : { op, cancelling: false } });
  const r = await currentApi().startFlash(req);
  if (!r.ok) return void useStore.setState({ flashJob: undefined, flashError: r.error });
  const job = useStore.getState().flashJob;
  if (job && job.jobId === undefined) useStore.setState({ flashJob: { ...job, jobId: r.value.jobId } });
}

export async function cancelFlash(): Promise<void> {
  const job = useStore.getState().flashJob;
  if (!job?.jobId || job.outcome) return;
  useStore.setState({ flashJob: { ...job, cancelling: true } });
  await currentApi().cancelFlash({ jobId: job.jobId });
}

/** flashProgress events. Events may arrive before startFlash's reply: the pending job adopts their id. */
export function onFlashEvent(e: FlashJobEvent): void {
  const job = useStore.getState().flashJob;
  if (!job || job.outcome) return;
  if (job.jobId !== undefined && job.jobId !== e.jobId) return;
  const next = { ...job, jobId: e.jobId };
  if (e.type === 'progress') next.progress = e;
  else next.outcome = e;
  useStore.setState({ flashJob: next });
  // A finished program is a new history row (main wrote it before or just after this event).
  if (e.type !== 'progress' && e.op === 'program') void loadFlashHistory();
}

export async function loadFlashHistory(): Promise<void> {
  const r = await currentApi().flashHistory();
  if (r.ok) useStore.setState({ flashHistory: r.value });
}

/** "Flash again": restage the row's image (its kept bytes or its path) and program it at once. */
export async function flashAgain(id: string): Promise<void> {
  const s = useStore.getState();
  if (s.flashJob && !s.flashJob.outcome) return;
  useStore.setState({ flashError: undefined });
  const r = await currentApi().stageHistoryImage({ id });
  if (!r.ok) return void useStore.setState({ flashError: r.error });
  const patch: { image: typeof r.value.image; flashAddressText?: string } = { image: r.value.image };
  if (r.value.address !== undefined) patch.flashAddressText = `0x${r.value.address.toString(16).padStart(8, '0')}`;
  useStore.setState(patch);
  await startFlash('program');
}
