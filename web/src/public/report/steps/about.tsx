import { CountrySelect } from '../../country-select';
import { useI18n } from '../../i18n/context';
import { CheckField, FreeText, TextField } from '../fields';
import { AGE_BANDS, type AgeBand } from '../report-input';
import { errorFor, type StepProps } from './step-props';

/** Step 6: country, optional age band, contact details only with consent, and consent to share. */
export function AboutStep({ draft, patch, errors }: StepProps) {
  const { t } = useI18n();
  const a = draft.about;
  return (
    <>
      <p className="intro">{t.about.intro}</p>
      <CountrySelect
        id="about-country"
        label={t.about.countryLabel}
        noneLabel={t.about.countryNone}
        value={a.country}
        onChange={(country) => patch('about', { country })}
      />
      <div className="field">
        <label htmlFor="about-age">{t.about.ageLabel}</label>
        <select
          id="about-age"
          value={a.ageBand}
          onChange={(e) => patch('about', { ageBand: e.target.value as AgeBand | '' })}
        >
          <option value="">{t.about.ageNone}</option>
          {AGE_BANDS.map((band) => (
            <option key={band} value={band}>
              {t.about.ages[band]}
            </option>
          ))}
        </select>
      </div>
      <fieldset className="choices">
        <legend>{t.about.contactLegend}</legend>
        <CheckField
          id="about-contact"
          label={t.about.contactYes}
          checked={a.contactOk}
          onChange={(contactOk) => patch('about', { contactOk })}
        />
        {a.contactOk && (
          <>
            <TextField
              id="about-email"
              label={t.about.emailLabel}
              type="email"
              autoComplete="email"
              value={a.email}
              onChange={(email) => patch('about', { email })}
              error={errorFor(errors, 'about-email')}
            />
            <TextField
              id="about-phone"
              label={t.about.phoneLabel}
              type="tel"
              autoComplete="tel"
              value={a.phone}
              onChange={(phone) => patch('about', { phone })}
            />
          </>
        )}
      </fieldset>
      <fieldset className="choices">
        <legend>{t.about.shareLegend}</legend>
        <CheckField
          id="about-police"
          label={t.about.policeConsent}
          checked={a.police}
          onChange={(police) => patch('about', { police })}
        />
        <CheckField
          id="about-partners"
          label={t.about.partnerConsent}
          checked={a.partners}
          onChange={(partners) => patch('about', { partners })}
        />
      </fieldset>
      <FreeText id="about-notes" value={a.notes} onChange={(notes) => patch('about', { notes })} />
    </>
  );
}
