// A searchable list of OpenOCD cfg files (from the scripts folder). The text
// box is the value: type to filter, click or Enter to pick, or type any path.
import { useMemo, useState, type KeyboardEvent } from 'react';

interface Props {
  label: string;
  testId: string;
  value: string;
  options: readonly string[];
  onChange(value: string): void;
  placeholder?: string;
}

const MAX_SHOWN = 60;

export function ConfigPicker({ label, testId, value, options, onChange, placeholder }: Props) {
  const [open, setOpen] = useState(false);
  const [active, setActive] = useState(0);
  const matches = useMemo(() => {
    const words = value.toLowerCase().split(/\s+/).filter(Boolean);
    const hits = options.filter((o) => words.every((w) => o.toLowerCase().includes(w)));
    return hits.slice(0, MAX_SHOWN);
  }, [value, options]);

  const pick = (v: string): void => {
    onChange(v);
    setOpen(false);
  };
  const onKeyDown = (e: KeyboardEvent<HTMLInputElement>): void => {
    if (e.key === 'ArrowDown') {
      e.preventDefault();
      setOpen(true);
      setActive((a) => Math.min(matches.length - 1, a + 1));
    } else if (e.key === 'ArrowUp') {
      e.preventDefault();
      setActive((a) => Math.max(0, a - 1));
    } else if (e.key === 'Enter' && open && matches[active] !== undefined) {
      e.preventDefault();
      pick(matches[active]);
    } else if (e.key === 'Escape') {
      setOpen(false);
    }
  };

  return (
    <div className="field config-picker">
      <label>
        <span>{label}</span>
        <input
          data-testid={testId}
          value={value}
          placeholder={placeholder ?? 'type to search…'}
          spellCheck={false}
          autoComplete="off"
          onChange={(e) => {
            onChange(e.target.value);
            setActive(0);
            setOpen(true);
          }}
          onFocus={() => setOpen(true)}
          onBlur={() => setOpen(false)}
          onKeyDown={onKeyDown}
        />
      </label>
      {open && matches.length > 0 && !(matches.length === 1 && matches[0] === value) ? (
        <ul className="options" role="listbox" data-testid={`${testId}-options`}>
          {matches.map((m, i) => (
            <li
              key={m}
              role="option"
              aria-selected={i === active}
              className={i === active ? 'active' : undefined}
              // mousedown, not click: it fires before the input's blur closes the list
              onMouseDown={(e) => {
                e.preventDefault();
                pick(m);
              }}
            >
              {m}
            </li>
          ))}
        </ul>
      ) : null}
    </div>
  );
}
