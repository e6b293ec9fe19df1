import './pages.css';
import { useLocation, useParams } from 'react-router';
import { Section } from '../components/operation/section';
import { Toc } from '../components/operation/toc';
import { ErrorMessage, Loading } from '../components/status';
import { useApi } from '../use-api';
import { CaseHeader } from './case/case-header';
import { CaseHistory } from './case/case-history';
import { CaseOperations } from './case/case-operations';
import { CaseReferrals } from './case/case-referrals';
import { CaseVictims } from './case/case-victims';
import { EntryForms } from './case/entry-forms';
import type { CaseDetail } from './case/types';
import type { CaseNotice } from './cases/new-case-form';

const SECTIONS = [
  { id: 'operations', title: 'Operations' },
  { id: 'history', title: 'History' },
  { id: 'victims', title: 'Victims' },
  { id: 'referrals', title: 'Referral packages' },
];

function isNotice(state: unknown): state is CaseNotice {
  return typeof state === 'object' && state !== null && typeof (state as CaseNotice).notice === 'string';
}

function CaseView({ id }: { id: string }) {
  const loaded = useApi<CaseDetail>(`/api/cases/${id}`);
  const location = useLocation();
  const notice = isNotice(location.state) ? location.state.notice : undefined;
  if (loaded.error)
    return (
      <>
        <h1>Case {id}</h1>
        <ErrorMessage message={loaded.error} onRetry={loaded.reload} />
      </>
    );
  if (!loaded.data)
    return (
      <>
        <h1>Case {id}</h1>
        <Loading what="the case" />
      </>
    );
  const c = loaded.data;
  const changed = loaded.reload;
  return (
    <div className="op-page case-page">
      <CaseHeader kase={c} onChanged={changed} />
      {notice && (
        <p className="notice" role="status">
          {notice}
        </p>
      )}
      <Toc sections={SECTIONS} />
      <Section id="operations" title="Operations">
        <CaseOperations caseId={c.id} operations={c.operations} onChanged={changed} />
      </Section>
      <Section id="history" title="History">
        <CaseHistory caseId={c.id} entries={c.entries} onChanged={changed} />
        <EntryForms caseId={c.id} onChanged={changed} />
      </Section>
      <Section id="victims" title="Victims">
        <CaseVictims key={c.operations.map((o) => o.current ?? o.id).join(',')} caseId={c.id} />
      </Section>
      <Section id="referrals" title="Referral packages">
        <CaseReferrals caseId={c.id} />
      </Section>
    </div>
  );
}

/** A case: header and status, operations, history with its forms, victims and referral packages. */
export function CasePage() {
  const { id = '' } = useParams();
  return <CaseView key={id} id={id} />;
}
