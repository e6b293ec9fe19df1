import type { HTMLInputTypeAttribute, ReactNode } from 'react';
import { useI18n } from '../i18n/context';

const describedBy = (...ids: Array<string | false | undefined>) => ids.filter(Boolean).join(' ') || undefined;

/** A labelled text input (or text area), its hint, and its error announced with it. */
export function TextField(props: {
  id: string;
  label: string;
  value: string;
  onChange(value: string): void;
  hint?: string;
  error?: string;
  type?: HTMLInputTypeAttribute;
  inputMode?: 'text' | 'decimal' | 'tel' | 'email' | 'url' | 'numeric';
  autoComplete?: string;
  multiline?: boolean;
}) {
  const { id, label, value, onChange, hint, error } = props;
  const hintId = hint ? `${id}-hint` : undefined;
  const errorId = error ? `${id}-error` : undefined;
  const common = {
    id,
    value,
    'aria-describedby': describedBy(hintId, errorId),
    'aria-invalid': error ? true : undefined,
  } as const;
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      {hint && (
        <p className="hint" id={hintId}>
          {hint}
        </p>
      )}
      {error && (
        <p className="field-error" id={errorId}>
          {error}
        </p>
      )}
      {props.multiline ? (
        <textarea {...common} rows={5} onChange={(e) => onChange(e.target.value)} />
      ) : (
        <input
          {...common}
          type={props.type ?? 'text'}
          inputMode={props.inputMode}
          autoComplete={props.autoComplete ?? 'off'}
          onChange={(e) => onChange(e.target.value)}
        />
      )}
    </div>
  );
}

/** A question with one answer: radio buttons in a fieldset whose legend is the question. */
export function ChoiceGroup<T extends string>(props: {
  name: string;
  legend: string;
  hint?: string;
  options: ReadonlyArray<readonly [T, string]>;
  value: T | '';
  onChange(value: T): void;
  children?: ReactNode;
}) {
  const hintId = props.hint ? `${props.name}-hint` : undefined;
  return (
    <fieldset className="choices" aria-describedby={hintId}>
      <legend>{props.legend}</legend>
      {props.hint && (
        <p className="hint" id={hintId}>
          {props.hint}
        </p>
      )}
      {props.options.map(([value, label]) => (
        <label key={value} className="choice">
          <input
            type="radio"
            name={props.name}
            value={value}
            checked={props.value === value}
            onChange={() => props.onChange(value)}
          />
          <span>{label}</span>
        </label>
      ))}
      {props.children}
    </fieldset>
  );
}

/** A yes/no question as a large checkbox. */
export function CheckField(props: {
  id: string;
  label: string;
  checked: boolean;
  onChange(checked: boolean): void;
}) {
  return (
    <label className="choice" htmlFor={props.id}>
      <input
        id={props.id}
        type="checkbox"
        checked={props.checked}
        onChange={(e) => props.onChange(e.target.checked)}
      />
      <span>{props.label}</span>
    </label>
  );
}

/** The step's free-text box, for whatever the questions did not ask or the person does not know. */
export function FreeText(props: { id: string; value: string; onChange(value: string): void }) {
  const { t } = useI18n();
  return (
    <TextField
      id={props.id}
      label={t.form.unsureLabel}
      hint={t.form.unsureHint}
      value={props.value}
      onChange={props.onChange}
      multiline
    />
  );
}

/** Several values of one kind (phone numbers, websites…): one input each, add and remove. */
export function ListField(props: {
  id: string;
  legend: string;
  hint?: string;
  itemLabel(n: number): string;
  addLabel: string;
  values: string[];
  onChange(values: string[]): void;
  type?: HTMLInputTypeAttribute;
  inputMode?: 'text' | 'tel' | 'email' | 'url';
  max?: number;
}) {
  const { t } = useI18n();
  const { values, onChange } = props;
  const hintId = props.hint ? `${props.id}-hint` : undefined;
  const set = (i: number, v: string) => onChange(values.map((x, j) => (j === i ? v : x)));
  const add = () => {
    onChange([...values, '']);
    // The new input takes the focus, so keyboard and screen reader users land where they type.
    requestAnimationFrame(() => document.getElementById(`${props.id}-${values.length}`)?.focus());
  };
  const remove = (i: number) => {
    onChange(values.length > 1 ? values.filter((_, j) => j !== i) : ['']);
    requestAnimationFrame(() => document.getElementById(`${props.id}-${Math.max(0, i - 1)}`)?.focus());
  };
  return (
    <fieldset className="list-field" aria-describedby={hintId}>
      <legend>{props.legend}</legend>
      {props.hint && (
        <p className="hint" id={hintId}>
          {props.hint}
        </p>
      )}
      {values.map((value, i) => {
        const id = `${props.id}-${i}`;
        const label = props.itemLabel(i + 1);
        return (
          // biome-ignore lint/suspicious/noArrayIndexKey: the inputs are positions in a list the person edits
          <div className="list-item" key={i}>
            <label htmlFor={id} className={values.length === 1 ? 'visually-hidden' : undefined}>
              {label}
            </label>
            <div className="list-row">
              <input
                id={id}
                type={props.type ?? 'text'}
                inputMode={props.inputMode}
                autoComplete="off"
                value={value}
                onChange={(e) => set(i, e.target.value)}
              />
              {(values.length > 1 || value) && (
                <button type="button" className="secondary" onClick={() => remove(i)}>
                  <span aria-hidden="true">✕</span>
                  <span className="visually-hidden">{t.form.remove(label)}</span>
                </button>
              )}
            </div>
          </div>
        );
      })}
      {values.length < (props.max ?? 50) && (
        <button type="button" className="secondary add" onClick={add}>
          + {props.addLabel}
        </button>
      )}
    </fieldset>
  );
}
