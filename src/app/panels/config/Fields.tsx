import { useEffect, useId, useState, type ReactNode } from 'react';

/** A collapsible section of the configuration panel (a native disclosure: keyboard for free). */
export function Section({ title, defaultOpen = false, note, children }: {
  title: string;
  defaultOpen?: boolean;
  /** A short marker after the title, e.g. a count or "3 on". */
  note?: string;
  children: ReactNode;
}) {
  const [open, setOpen] = useState(defaultOpen);
  return (
    <details className="config-section" open={open} onToggle={(e) => setOpen(e.currentTarget.open)}>
      <summary>
        <span className="config-section-title">{title}</span>
        {note && <span className="config-section-note">{note}</span>}
      </summary>
      <div className="config-section-body">{children}</div>
    </details>
  );
}

export interface NumberFieldProps {
  label: string;
  /** The value in the draft; undefined shows the placeholder (the default). */
  value: number | undefined;
  /** undefined when the input is cleared: the field falls back to its default. */
  onChange(value: number | undefined): void;
  min?: number;
  max?: number;
  step?: number;
  unit?: string;
  placeholder?: string;
  /** One line under the input (what the number means). */
  hint?: string;
  testId?: string;
}

/**
 * A native number input that keeps what the user is typing. Policy: the draft receives the
 * number as typed, in range or not; the worker's validator rejects a bad one on Apply and
 * names the field, rather than the panel clamping it silently.
 */
export function NumberField(props: NumberFieldProps) {
  const { label, value, onChange, min, max, step = 1, unit, placeholder, hint, testId } = props;
  const id = useId();
  const [text, setText] = useState(value === undefined ? '' : String(value));
  // A number input reports '' for text it cannot read ("1e", "abc"): remember that it did.
  const [unreadable, setUnreadable] = useState(false);
  useEffect(() => {
    // Follow the draft when it changes from elsewhere (Discard, a new preset), not while typing.
    setText((current) => (parseNumber(current) === value ? current : value === undefined ? '' : String(value)));
  }, [value]);
  const parsed = parseNumber(text);
  const invalid = unreadable || (text.trim() !== '' && parsed === undefined);
  // Policy (issue 12): an empty or unreadable field says so, instead of showing nothing.
  // A field with a placeholder is optional: empty, its default (the placeholder) applies.
  const problem = invalid
    ? 'Not a number: this field keeps its last value until it holds one.'
    : text.trim() === '' && placeholder === undefined
      ? 'Empty: enter a number.'
      : null;
  return (
    <div className="config-field">
      <label htmlFor={id}>{label}</label>
      <span className="config-input-row">
        <input
          id={id}
          type="number"
          inputMode="decimal"
          value={text}
          min={min}
          max={max}
          step={step}
          placeholder={placeholder}
          aria-invalid={invalid || undefined}
          aria-describedby={[hint ? `${id}-hint` : '', problem ? `${id}-problem` : ''].join(' ').trim() || undefined}
          data-testid={testId}
          onChange={(event) => {
            const badInput = event.target.validity.badInput;
            setUnreadable(badInput);
            setText(event.target.value);
            if (badInput) return;
            const next = parseNumber(event.target.value);
            if (next !== undefined || event.target.value.trim() === '') onChange(next);
          }}
        />
        {unit && <span className="config-unit">{unit}</span>}
      </span>
      {hint && <span className="config-hint" id={`${id}-hint`}>{hint}</span>}
      {problem && (
        <span className="config-field-problem" id={`${id}-problem`} data-testid="config-field-problem">
          {problem}
        </span>
      )}
    </div>
  );
}

function parseNumber(text: string): number | undefined {
  if (text.trim() === '') return undefined;
  const value = Number(text);
  return Number.isFinite(value) ? value : undefined;
}

export interface SliderFieldProps {
  label: string;
  value: number;
  onChange(value: number): void;
  min: number;
  max: number;
  step: number;
  /** How the value reads beside the slider; two decimals by default. */
  format?(value: number): string;
  hint?: string;
  testId?: string;
}

/** A range slider with its value visible (never a slider alone: the number is the truth). */
export function SliderField(props: SliderFieldProps) {
  const { label, value, onChange, min, max, step, format = (v) => v.toFixed(2), hint, testId } = props;
  const id = useId();
  return (
    <div className="config-field">
      <label htmlFor={id}>{label}</label>
      <span className="config-input-row">
        <input
          id={id}
          type="range"
          min={min}
          max={max}
          step={step}
          value={value}
          data-testid={testId}
          aria-valuetext={format(value)}
          onChange={(event) => onChange(Number(event.target.value))}
        />
        <output htmlFor={id} className="config-value">{format(value)}</output>
      </span>
      {hint && <span className="config-hint">{hint}</span>}
    </div>
  );
}

export function CheckField({ label, checked, onChange, hint, testId }: {
  label: string;
  checked: boolean;
  onChange(checked: boolean): void;
  hint?: ReactNode;
  testId?: string;
}) {
  const id = useId();
  return (
    <div className="config-check">
      <input
        id={id}
        type="checkbox"
        checked={checked}
        data-testid={testId}
        onChange={(e) => onChange(e.target.checked)}
      />
      <label htmlFor={id}>
        {label}
        {hint && <span className="config-hint">{hint}</span>}
      </label>
    </div>
  );
}

export function SelectField<T extends string>({ label, value, options, onChange, testId }: {
  label: string;
  value: T;
  options: readonly (readonly [T, string])[];
  onChange(value: T): void;
  testId?: string;
}) {
  const id = useId();
  return (
    <div className="config-field">
      <label htmlFor={id}>{label}</label>
      <select id={id} value={value} data-testid={testId} onChange={(e) => onChange(e.target.value as T)}>
        {options.map(([option, text]) => (
          <option key={option} value={option}>{text}</option>
        ))}
      </select>
    </div>
  );
}
