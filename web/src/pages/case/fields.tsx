import { useId } from 'react';
import { TlpOptions } from '../../components/tlp';

/** A case's describing fields as a form reads them (empty text: not given). */
export interface CaseFieldValues {
  title: string;
  agency: string;
  jurisdictions: string[];
  tlp: string;
  summary: string;
}

// Two letters each, separated by commas, semicolons or spaces ("DE, AT", "de at").
const COUNTRY_LIST = '\\s*[A-Za-z]{2}(\\s*[,; ]\\s*[A-Za-z]{2})*\\s*';

/** "de, at;FR" → ["DE", "AT", "FR"]. */
export function parseCountryCodes(text: string): string[] {
  return [
    ...new Set(
      text
        .split(/[\s,;]+/)
        .filter(Boolean)
        .map((c) => c.toUpperCase()),
    ),
  ];
}

/** Reads the fields CaseFields renders from a submitted form. */
export function readCaseFields(form: FormData): CaseFieldValues {
  const text = (name: string) => String(form.get(name) ?? '').trim();
  return {
    title: text('title'),
    agency: text('agency'),
    jurisdictions: parseCountryCodes(text('jurisdictions')),
    tlp: text('tlp') || 'amber',
    summary: text('summary'),
  };
}

/** Title, agency, jurisdictions, TLP and summary of a case, as named form fields (a new case or an edit). */
export function CaseFields({ initial }: { initial?: Partial<CaseFieldValues> }) {
  const hintId = useId();
  return (
    <>
      <label>
        Title
        <input name="title" required maxLength={200} defaultValue={initial?.title} />
      </label>
      <label>
        Agency
        <input
          name="agency"
          maxLength={200}
          defaultValue={initial?.agency}
          placeholder="e.g. BKA, FBI IC3, Action Fraud"
        />
      </label>
      <label>
        Jurisdictions
        <input
          name="jurisdictions"
          maxLength={200}
          pattern={COUNTRY_LIST}
          title="Two-letter country codes separated by commas, e.g. DE, AT"
          aria-describedby={hintId}
          defaultValue={initial?.jurisdictions?.join(', ')}
          autoComplete="off"
        />
        <span id={hintId} className="small muted">
          Country codes, comma-separated (DE, AT)
        </span>
      </label>
      <label>
        TLP
        <select name="tlp" defaultValue={initial?.tlp ?? 'amber'}>
          <TlpOptions />
        </select>
      </label>
      <label className="case-summary-field">
        Summary
        <textarea name="summary" rows={3} maxLength={20_000} defaultValue={initial?.summary} />
      </label>
    </>
  );
}
