import { useState } from 'react';
import { query } from '../../api';
import { formatCount, formatLosses, humanise } from '../../components/format';
import { Pager } from '../../components/pager';
import { Empty, LoadedView, Notice } from '../../components/status';
import { Time } from '../../components/time';
import { useApi } from '../../use-api';
import { DeclarationForm, victimName } from './declaration-form';
import type { CaseVictim, VictimPage } from './types';
import { CONSENT_LABELS, labelOf } from './vocabulary';

const LIMIT = 25;

/** "60_69" → "60–69", "80_plus" → "80 plus". */
const ageOf = (band: string | null) => (band ? humanise(band.replace(/^(\d+)_(\d+)$/, '$1–$2')) : '—');

const yesNo = (b: boolean | null) => (b === null ? '—' : b ? 'yes' : 'no');

/** Name, e-mail and phone, only those the server sent (it sends them only with the victim's consent). */
function Contact({ victim }: { victim: CaseVictim }) {
  const c = victim.contact;
  const parts = c ? [c.name, c.email, c.phone].filter((p): p is string => !!p) : [];
  if (parts.length === 0)
    return <span className="muted">{victim.mayContact ? 'none given' : 'no consent'}</span>;
  return (
    <ul className="plain-list">
      {parts.map((p) => (
        <li key={p}>{p}</li>
      ))}
    </ul>
  );
}

/** One victim: who, where, when, what they lost, what they agreed to, their declaration and contact. */
function VictimRow({ victim, onEdit }: { victim: CaseVictim; onEdit(): void }) {
  const d = victim.declaration;
  return (
    <tr>
      <td>
        <span className="mono" title={victim.reportId}>
          {victimName(victim)}
        </span>
        {victim.narrative && (
          <details className="victim-narrative">
            <summary>Narrative</summary>
            <p className="narrative">{victim.narrative}</p>
          </details>
        )}
      </td>
      <td className="mono">{victim.operationId}</td>
      <td>{victim.country ?? <span className="muted">—</span>}</td>
      <td className="nowrap">{ageOf(victim.ageBand)}</td>
      <td className="nowrap">
        <Time value={victim.reportedAt} />
      </td>
      <td>{formatLosses(victim.losses)}</td>
      <td className="nowrap">
        police {yesNo(victim.consent.lawEnforcementContact)}
        <br />
        partners {yesNo(victim.consent.partnerSharing)}
      </td>
      <td>
        {d ? (
          <>
            {labelOf(CONSENT_LABELS, d.consent)}{' '}
            <span className="muted small">
              <Time value={d.takenAt} />
              {d.takenBy && ` by ${d.takenBy}`}
            </span>
          </>
        ) : (
          <span className="muted">none</span>
        )}
      </td>
      <td>
        <Contact victim={victim} />
      </td>
      <td>
        <button
          type="button"
          className="secondary small"
          aria-label={`${d ? 'Edit' : 'Record'} declaration of ${victimName(victim)}`}
          onClick={onEdit}
        >
          {d ? 'Edit declaration' : 'Record declaration'}
        </button>
      </td>
    </tr>
  );
}

/** The victims of the case's operations, paged, and the form that records one's declaration and consent. */
export function CaseVictims({ caseId }: { caseId: string }) {
  const [offset, setOffset] = useState(0);
  const [editing, setEditing] = useState<CaseVictim | undefined>();
  const [notice, setNotice] = useState<string | undefined>();
  const page = useApi<VictimPage>(`/api/cases/${caseId}/victims${query({ limit: LIMIT, offset })}`);
  const saved = (message: string) => {
    setEditing(undefined);
    setNotice(message);
    page.reload();
  };
  return (
    <>
      <Notice message={notice} />
      <LoadedView state={page} what="victims">
        {(d) =>
          d.victims.length === 0 ? (
            <Empty>The case's operations have no victim reports.</Empty>
          ) : (
            <>
              <p className="muted">{formatCount(d.total)} victims</p>
              <table className="dense victims">
                <caption className="visually-hidden">Victims of the case's operations</caption>
                <thead>
                  <tr>
                    <th scope="col">Victim</th>
                    <th scope="col">Operation</th>
                    <th scope="col">Country</th>
                    <th scope="col">Age</th>
                    <th scope="col">Reported</th>
                    <th scope="col">Losses</th>
                    <th scope="col">Contact agreed in report</th>
                    <th scope="col">Declaration</th>
                    <th scope="col">Contact</th>
                    <th scope="col">
                      <span className="visually-hidden">Actions</span>
                    </th>
                  </tr>
                </thead>
                <tbody>
                  {d.victims.map((v) => (
                    <VictimRow key={v.reportId} victim={v} onEdit={() => setEditing(v)} />
                  ))}
                </tbody>
              </table>
              <Pager
                total={d.total}
                limit={LIMIT}
                offset={offset}
                count={d.victims.length}
                onOffset={setOffset}
                label="Victim pages"
              />
            </>
          )
        }
      </LoadedView>
      {editing && (
        <DeclarationForm
          key={editing.reportId}
          caseId={caseId}
          victim={editing}
          onSaved={saved}
          onCancel={() => setEditing(undefined)}
        />
      )}
    </>
  );
}
