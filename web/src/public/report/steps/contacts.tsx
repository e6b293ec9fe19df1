import { useI18n } from '../../i18n/context';
import { EvidenceUpload } from '../evidence';
import { FreeText, ListField } from '../fields';
import type { StepProps } from './step-props';

/** Step 3: the phone numbers, websites, e-mail addresses and company names the scammers used. */
export function ContactsStep({ draft, patch, addEvidence, removeEvidence }: StepProps) {
  const { t } = useI18n();
  const c = draft.contacts;
  return (
    <>
      <p className="intro">{t.contacts.intro}</p>
      <ListField
        id="phones"
        legend={t.contacts.phonesLegend}
        itemLabel={t.contacts.phoneLabel}
        addLabel={t.contacts.addPhone}
        values={c.phones}
        onChange={(phones) => patch('contacts', { phones })}
        type="tel"
        inputMode="tel"
      />
      <ListField
        id="urls"
        legend={t.contacts.urlsLegend}
        hint={t.contacts.urlHint}
        itemLabel={t.contacts.urlLabel}
        addLabel={t.contacts.addUrl}
        values={c.urls}
        onChange={(urls) => patch('contacts', { urls })}
        inputMode="url"
      />
      <ListField
        id="emails"
        legend={t.contacts.emailsLegend}
        itemLabel={t.contacts.emailLabel}
        addLabel={t.contacts.addEmail}
        values={c.emails}
        onChange={(emails) => patch('contacts', { emails })}
        inputMode="email"
      />
      <ListField
        id="companies"
        legend={t.contacts.companiesLegend}
        itemLabel={t.contacts.companyLabel}
        addLabel={t.contacts.addCompany}
        values={c.companies}
        onChange={(companies) => patch('contacts', { companies })}
      />
      <EvidenceUpload
        step="contacts"
        hint={t.contacts.evidenceHint}
        evidence={draft.evidence}
        onAdd={addEvidence}
        onRemove={removeEvidence}
      />
      <FreeText id="contacts-notes" value={c.notes} onChange={(notes) => patch('contacts', { notes })} />
    </>
  );
}
