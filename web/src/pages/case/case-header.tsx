import { FormError, Notice } from '../../components/status';
import { WordList } from '../../components/tally-list';
import { Time } from '../../components/time';
import { TlpBadge } from '../../components/tlp';
import { useSession } from '../../session';
import { CaseEditForm } from './case-edit-form';
import { StatusStepper } from './status-stepper';
import type { CaseDetail } from './types';
import { useCaseChange } from './use-case-change';

/** Who works the case, and the button that takes it (or lets it go). */
function Assignee({ kase, onChanged }: { kase: CaseDetail; onChanged(): void }) {
  const { user } = useSession();
  const change = useCaseChange(kase.id, onChanged);
  const mine = !!user && kase.assignee?.id === user.id;
  const assign = (assigneeId: string | null, done: string) =>
    void change.run({ method: 'PATCH', path: '', body: { assigneeId }, done });
  return (
    <>
      {kase.assignee ? kase.assignee.name : <span className="muted">nobody</span>}{' '}
      {user && !mine && (
        <button
          type="button"
          className="link"
          disabled={change.busy}
          onClick={() => assign(user.id, 'The case is assigned to you.')}
        >
          assign to me
        </button>
      )}
      {kase.assignee && (
        <button
          type="button"
          className="link"
          disabled={change.busy}
          onClick={() => assign(null, 'The case is assigned to nobody.')}
        >
          unassign
        </button>
      )}
      <Notice message={change.notice} />
      <FormError message={change.error} />
    </>
  );
}

/** The case at a glance: reference, title, TLP, status stepper, agency, jurisdictions, assignee, summary. */
export function CaseHeader({ kase, onChanged }: { kase: CaseDetail; onChanged(): void }) {
  return (
    <header className="case-header">
      <div className="page-head">
        <h1>
          <span className="mono">{kase.reference}</span> {kase.title}
        </h1>
        <TlpBadge tlp={kase.tlp} />
      </div>
      <StatusStepper caseId={kase.id} status={kase.status} onChanged={onChanged} />
      <dl className="facts">
        <div>
          <dt>Agency</dt>
          <dd>{kase.agency ?? <span className="muted">—</span>}</dd>
        </div>
        <div>
          <dt>Jurisdictions</dt>
          <dd>
            <WordList items={kase.jurisdictions} words={false} />
          </dd>
        </div>
        <div>
          <dt>Assignee</dt>
          <dd>
            <Assignee kase={kase} onChanged={onChanged} />
          </dd>
        </div>
        <div>
          <dt>Opened</dt>
          <dd>
            <Time value={kase.createdAt} /> by {kase.createdBy ?? '—'}
          </dd>
        </div>
        <div>
          <dt>Changed</dt>
          <dd>
            <Time value={kase.updatedAt} withTime />
          </dd>
        </div>
      </dl>
      {kase.summary && <p className="narrative case-summary">{kase.summary}</p>}
      <CaseEditForm kase={kase} onChanged={onChanged} />
    </header>
  );
}
