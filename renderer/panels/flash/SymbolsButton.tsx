// "Use its symbols" beside a chosen .elf: the workbench names addresses after it (PC and LR
// in Registers, breakpoints, the hex view's go-to) without flashing it. A flashed .elf does
// this by itself.
import { useState } from 'react';
import type { SymbolInfo } from '../../../shared/symbols';
import type { StagedImage } from '../../../shared/workbench';
import { currentApi, describeError } from '../../store/actions';

export function SymbolsButton({ image }: { image: StagedImage }) {
  const [info, setInfo] = useState<SymbolInfo | undefined>();
  const [error, setError] = useState<string | undefined>();
  if (image.format !== 'elf') return null;
  const load = async (): Promise<void> => {
    const r = await currentApi().loadSymbols({ imageId: image.imageId });
    if (r.ok) {
      setInfo(r.value);
      setError(undefined);
    } else setError(describeError(r.error));
  };
  return (
    <div className="small">
      <button type="button" data-testid="flash-use-symbols" onClick={() => void load()}>Use its symbols</button>{' '}
      {info ? (
        <span className="muted" data-testid="flash-symbols-info">
          {info.count} symbols from {info.name}
          {info.lines ? ', with source lines' : ''}
        </span>
      ) : null}
      {error ? <span className="error" data-testid="flash-symbols-error">{error}</span> : null}
    </div>
  );
}
