import { COUNTRY_CODES } from './countries';
import { useI18n } from './i18n/context';

/** A labelled list of every country, named and sorted in the page's language. */
export function CountrySelect(props: {
  id: string;
  label: string;
  hint?: string;
  noneLabel: string;
  value: string;
  onChange(country: string): void;
}) {
  const { language, countryName } = useI18n();
  const collator = new Intl.Collator(language);
  const countries = COUNTRY_CODES.map((code) => [code, countryName(code)] as const).sort((x, y) =>
    collator.compare(x[1], y[1]),
  );
  const hintId = props.hint ? `${props.id}-hint` : undefined;
  return (
    <div className="field">
      <label htmlFor={props.id}>{props.label}</label>
      {props.hint && (
        <p className="hint" id={hintId}>
          {props.hint}
        </p>
      )}
      <select
        id={props.id}
        aria-describedby={hintId}
        value={props.value}
        onChange={(e) => props.onChange(e.target.value)}
      >
        <option value="">{props.noneLabel}</option>
        {countries.map(([code, name]) => (
          <option key={code} value={code}>
            {name}
          </option>
        ))}
      </select>
    </div>
  );
}
