// The station job: the image (staged like the flash panel's), verify, what to do after,
// read protection, and serial numbers from a counter or typed/scanned. Locked in
// technician mode.
import { useRef, useState } from 'react';
import type { StationView } from '../../../shared/station';
import { useStore } from '../../store';
import { chooseWithDialog, uploadFile } from '../../store/flash-actions';
import { saveStationJob } from '../../store/station-actions';

function num(text: string): number | undefined {
  const t = text.trim();
  if (/^0x[0-9a-f]+$/i.test(t)) return parseInt(t, 16);
  if (/^\d+$/.test(t)) return Number(t);
  return undefined;
}

export function JobForm({ view }: { view: StationView }) {
  const image = useStore((s) => s.image);
  const apiKind = useStore((s) => s.apiKind);
  const job = view.job;
  const fileRef = useRef<HTMLInputElement>(null);
  const [name, setName] = useState(job?.name ?? 'production job');
  const [address, setAddress] = useState('0x08000000');
  const [verify, setVerify] = useState(job?.verify ?? true);
  const [after, setAfter] = useState<'reset-run' | 'halt' | 'none'>((job?.after as 'reset-run' | 'halt' | 'none') ?? 'reset-run');
  const [readProtect, setReadProtect] = useState(job?.readProtect ?? false);
  const [serialOn, setSerialOn] = useState(job?.serial !== undefined);
  const [serialAddress, setSerialAddress] = useState(job?.serial ? `0x${job.serial.address.toString(16).padStart(8, '0')}` : '0x0800fc00');
  const [format, setFormat] = useState(job?.serial?.format ?? 'SN-{n:06}');
  const [start, setStart] = useState('1');
  const [source, setSource] = useState<'counter' | 'typed'>((job?.serial?.source as 'counter' | 'typed') ?? 'counter');
  const locked = view.locked;

  const save = (): void => {
    if (!image) return;
    const a = num(address);
    const sa = num(serialAddress);
    void saveStationJob({
      name,
      imageId: image.imageId,
      ...(image.format === 'bin' && a !== undefined ? { address: a } : {}),
      verify,
      after,
      readProtect,
      ...(serialOn && sa !== undefined ? { serial: { address: sa, format, start: num(start) ?? 1, source } } : {}),
    });
  };

  return (
    <fieldset className="station-job" disabled={locked} data-testid="station-job">
      <legend>Job{locked ? ' (locked: technician mode)' : ''}</legend>
      <label>
        Name <input data-testid="station-job-name" value={name} onChange={(e) => setName(e.target.value)} />
      </label>
      <label>
        Image{' '}
        {apiKind === 'electron' ? (
          <button type="button" onClick={() => void chooseWithDialog()}>
            Choose…
          </button>
        ) : (
          // The native input stays hidden (as in the flash panel): it would say "No file chosen"
          // beside an image the host already holds (after a reload, or the form remounting).
          <>
            <input ref={fileRef} type="file" hidden data-testid="station-image" accept=".bin,.hex,.elf,.s19,.srec" onChange={(e) => e.target.files?.[0] && void uploadFile(e.target.files[0])} />
            <button type="button" data-testid="station-image-choose" onClick={() => fileRef.current?.click()}>
              {image ? 'Choose another…' : 'Choose…'}
            </button>
          </>
        )}{' '}
        <span className="mono small">{image ? `${image.name} (${image.size} bytes)` : 'none loaded'}</span>
      </label>
      {image?.format === 'bin' ? (
        <label>
          Load address <input className="mono" value={address} onChange={(e) => setAddress(e.target.value)} size={12} />
        </label>
      ) : null}
      <label className="check">
        <input type="checkbox" checked={verify} onChange={(e) => setVerify(e.target.checked)} /> Verify
      </label>
      <label>
        After{' '}
        <select value={after} onChange={(e) => setAfter(e.target.value as typeof after)}>
          <option value="reset-run">reset and run</option>
          <option value="halt">reset and halt</option>
          <option value="none">leave as is</option>
        </select>
      </label>
      <label className="check" title="Sets RDP level 1: the board runs but its flash can no longer be read by a debugger">
        <input type="checkbox" checked={readProtect} onChange={(e) => setReadProtect(e.target.checked)} /> Read-protect (RDP 1)
      </label>
      <label className="check">
        <input type="checkbox" data-testid="station-serial-on" checked={serialOn} onChange={(e) => setSerialOn(e.target.checked)} /> Serial numbers
      </label>
      {serialOn ? (
        <span className="station-serial">
          at <input className="mono" value={serialAddress} onChange={(e) => setSerialAddress(e.target.value)} size={12} /> format{' '}
          <input className="mono" value={format} onChange={(e) => setFormat(e.target.value)} size={12} /> from <input value={start} onChange={(e) => setStart(e.target.value)} size={6} />{' '}
          <select value={source} onChange={(e) => setSource(e.target.value as typeof source)}>
            <option value="counter">counter</option>
            <option value="typed">typed / scanned</option>
          </select>
        </span>
      ) : null}
      <button type="button" className="primary" data-testid="station-save-job" disabled={!image || locked} onClick={save}>
        Save job
      </button>
      {job ? (
        <span className="small muted" data-testid="station-job-summary">
          {job.name}: {job.imageName}, {job.size} bytes, CRC32 {job.crc32}
          {job.serial ? `, serials ${job.serial.format}` : ''}
          {view.nextSerial ? ` (next ${view.nextSerial})` : ''}
        </span>
      ) : null}
    </fieldset>
  );
}
