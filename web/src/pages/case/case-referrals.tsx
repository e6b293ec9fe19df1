import { type FormEvent, useId } from 'react';
import { Empty, FormError, LoadedView, Notice } from '../../components/status';
import { useRoleAllows } from '../../session';
import { useApi } from '../../use-api';
import { ReferralList } from './referral-list';
import type { Referral } from './types';
import { useCaseChange } from './use-case-change';

/**
 * Builds a referral package for a recipient (the PDF dossier, STIX, MISP, CSVs, screenshots and a
 * manifest of hashes) and lists those built. Only an admin may include victims' personal data.
 */
export function CaseReferrals({ caseId }: { caseId: string }) {
  const id = useId();
  const list = useApi<{ referrals: Referral[] }>(`/api/cases/${caseId}/referrals`);
  const admin = useRoleAllows('admin');
  const change = useCaseChange(caseId, list.reload);
  const submit = async (e: FormEvent<HTMLFormElement>) => {
    e.preventDefault();
    const form = e.currentTarget;
    const data = new FormData(form);
    const recipient = String(data.get('recipient') ?? '').trim();
    const personalData = admin && data.get('personalData') === 'on';
    const ok = await change.run({
      method: 'POST',
      path: '/referrals',
      body: { recipient, personalData },
      done: `Package for ${recipient} built${personalData ? " with victims' personal data" : ', redacted'}.`,
    });
    if (ok) form.reset();
  };
  return (
    <>
      <form className="card referral-form" aria-labelledby={id} onSubmit={(e) => void submit(e)}>
        <h3 id={id}>Build a referral package</h3>
        <label>
          Recipient
          <input name="recipient" required maxLength={200} placeholder="e.g. BKA SO41, FBI IC3" />
        </label>
        {admin && (
          <div className="personal-data-choice">
            <label className="inline-label">
              <input type="checkbox" name="personalData" aria-describedby={`${id}-warn`} />
              Include victims' personal data
            </label>
            <p id={`${id}-warn`} className="warning">
              Only for a recipient authorised to receive it (a law-enforcement agency with a legal basis): the
              package then holds victims' names, e-mail addresses and phone numbers. Every build and download
              is written to the audit log.
            </p>
          </div>
        )}
        <div>
          <button type="submit" disabled={change.busy}>
            {change.busy ? 'Building the package…' : 'Build package'}
          </button>
        </div>
        <Notice message={change.notice} />
        <FormError message={change.error} />
      </form>
      <h3>Packages built</h3>
      <LoadedView state={list} what="referral packages">
        {(d) =>
          d.referrals.length === 0 ? (
            <Empty>No package has been built for this case.</Empty>
          ) : (
            <ReferralList referrals={d.referrals} />
          )
        }
      </LoadedView>
    </>
  );
}
