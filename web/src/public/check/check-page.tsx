import { type FormEvent, useRef, useState } from 'react';
import { Link } from 'react-router';
import { type CheckResult, checkValue, PortalError } from '../api';
import { defaultCountry } from '../countries';
import { CountrySelect } from '../country-select';
import { useI18n } from '../i18n/context';
import { TheRule } from '../the-rule';
import { CheckAnswer } from './check-answer';

type State =
  | { kind: 'idle' }
  | { kind: 'checking' }
  | { kind: 'answer'; results: CheckResult[] }
  | { kind: 'error'; message: string };

/** "Check a phone number or website": what Dragnet knows of it (counts only), and the rule. */
export function CheckPage() {
  const { t, language } = useI18n();
  const [query, setQuery] = useState('');
  const [country, setCountry] = useState(() => defaultCountry(language));
  const [state, setState] = useState<State>({ kind: 'idle' });
  const [inputError, setInputError] = useState('');
  const inputRef = useRef<HTMLInputElement>(null);

  const onSubmit = async (event: FormEvent) => {
    event.preventDefault();
    if (!query.trim()) {
      setInputError(t.check.empty);
      inputRef.current?.focus();
      return;
    }
    setInputError('');
    setState({ kind: 'checking' });
    try {
      const answer = await checkValue(query.trim(), country);
      setState({ kind: 'answer', results: answer.results });
    } catch (error) {
      const code = error instanceof PortalError ? error.code : 'other';
      setState({ kind: 'error', message: code === 'rate_limited' ? t.check.rate_limited : t.check.failed });
    }
  };

  return (
    <div className="check">
      <h1>{t.check.title}</h1>
      <p className="intro">{t.check.intro}</p>
      <form noValidate onSubmit={onSubmit} className="check-form">
        <div className="field">
          <label htmlFor="check-query">{t.check.queryLabel}</label>
          <p className="hint" id="check-query-hint">
            {t.check.queryHint}
          </p>
          {inputError && (
            <p className="field-error" id="check-query-error" role="alert">
              {inputError}
            </p>
          )}
          <input
            ref={inputRef}
            id="check-query"
            type="text"
            autoComplete="off"
            spellCheck={false}
            value={query}
            onChange={(e) => setQuery(e.target.value)}
            aria-invalid={inputError ? true : undefined}
            aria-describedby={inputError ? 'check-query-hint check-query-error' : 'check-query-hint'}
          />
        </div>
        <CountrySelect
          id="check-country"
          label={t.check.countryLabel}
          hint={t.check.countryHint}
          noneLabel={t.countryAny}
          value={country}
          onChange={setCountry}
        />
        <button type="submit" className="primary" disabled={state.kind === 'checking'}>
          {state.kind === 'checking' ? t.check.checking : t.check.submit}
        </button>
      </form>
      <div aria-live="polite" className="check-results">
        {state.kind === 'error' && <p className="submit-error">{state.message}</p>}
        {state.kind === 'answer' &&
          (state.results.length === 0 ? (
            <p className="answer unknown">{t.check.nothingFound}</p>
          ) : (
            state.results.map((r) => <CheckAnswer key={`${r.kind}:${r.value}`} result={r} />)
          ))}
      </div>
      <TheRule />
      <p>
        <Link to="/report" className="big-link">
          {t.check.reportIt}
        </Link>
      </p>
    </div>
  );
}
