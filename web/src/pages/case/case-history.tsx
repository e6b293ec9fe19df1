import type { FormEvent } from 'react';
import { formatCount } from '../../components/format';
import { Empty, FormError, Notice } from '../../components/status';
import { Time } from '../../components/time';
import type { CaseEntry, EntryKind } from './types';
import { useCaseChange } from './use-case-change';
import { ACTION_LABELS, ACTION_STATES, CASE_STATUS_LABELS, labelOf, OUTCOME_LABELS } from './vocabulary';

/** How each kind of entry is marked: a symbol for the eye (hidden from screen readers) and a word. */
const KINDS: Record<EntryKind, { icon: string; label: string }> = {
  status: { icon: '⚑', label: 'Status' },
  note: { icon: '✎', label: 'Note' },
  task: { icon: '☐', label: 'Task' },
  action: { icon: '⚖', label: 'Civil action' },
  outcome: { icon: '★', label: 'Outcome' },
};

/** When an entry happened: the date it names, else when it was written. */
const whenOf = (e: CaseEntry) => e.occurredAt ?? e.createdAt;

/** Entries oldest first (ties in the order they were written). */
export function inTimeOrder(entries: readonly CaseEntry[]): CaseEntry[] {
  return [...entries].sort(
    (a, b) => Date.parse(whenOf(a)) - Date.parse(whenOf(b)) || Number(a.id) - Number(b.id),
  );
}

/** "Arrests (3)", "Takedown request to a host: evil.example", "Referred". */
function headline(e: CaseEntry): string {
  if (e.kind === 'status') return labelOf(CASE_STATUS_LABELS, e.subtype);
  if (e.kind === 'action') return `${labelOf(ACTION_LABELS, e.subtype)}${e.target ? `: ${e.target}` : ''}`;
  if (e.kind === 'outcome')
    return `${labelOf(OUTCOME_LABELS, e.subtype)}${e.quantity !== null ? ` (${formatCount(e.quantity)})` : ''}`;
  return '';
}

/** A short name of an entry for a control's accessible name. */
const shortName = (e: CaseEntry) => {
  const s = e.kind === 'action' ? headline(e) : e.body;
  return s.length > 60 ? `${s.slice(0, 59)}…` : s;
};

type Change = ReturnType<typeof useCaseChange>;

/** Marks a task done, or opens it again. */
function TaskControl({ entry, change }: { entry: CaseEntry; change: Change }) {
  const done = entry.state === 'done';
  return (
    <button
      type="button"
      className="secondary small"
      disabled={change.busy}
      aria-label={`${done ? 'Reopen' : 'Mark done'}: task “${shortName(entry)}”`}
      onClick={() =>
        void change.run({
          method: 'PATCH',
          path: `/entries/${entry.id}`,
          body: { state: done ? 'open' : 'done' },
          done: `Task “${shortName(entry)}” ${done ? 'reopened' : 'done'}.`,
        })
      }
    >
      {done ? 'Reopen' : 'Mark done'}
    </button>
  );
}

/** Moves a civil action along: planned, sent, acknowledged, done or refused. */
function ActionControl({ entry, change }: { entry: CaseEntry; change: Change }) {
  const submit = (e: FormEvent<HTMLFormElement>) => {
    e.preventDefault();
    const state = String(new FormData(e.currentTarget).get('state') ?? '');
    if (state && state !== entry.state)
      void change.run({
        method: 'PATCH',
        path: `/entries/${entry.id}`,
        body: { state },
        done: `${shortName(entry)}: ${state}.`,
      });
  };
  return (
    <form
      key={entry.state}
      className="op-inline-form"
      aria-label={`State of ${shortName(entry)}`}
      onSubmit={submit}
    >
      <label className="inline-label">
        State
        <select name="state" defaultValue={entry.state ?? 'planned'}>
          {ACTION_STATES.map((s) => (
            <option key={s} value={s}>
              {s}
            </option>
          ))}
        </select>
      </label>
      <button type="submit" className="secondary small" disabled={change.busy}>
        Update
      </button>
    </form>
  );
}

/** One entry: its kind, what it says, when and by whom, and its state with the control that changes it. */
function Entry({ entry, change }: { entry: CaseEntry; change: Change }) {
  const kind = KINDS[entry.kind] ?? { icon: '•', label: entry.kind };
  const title = headline(entry);
  const taskDone = entry.kind === 'task' && entry.state === 'done';
  return (
    <li className={`entry entry-${entry.kind}`}>
      <span className="entry-icon" aria-hidden="true">
        {taskDone ? '☑' : kind.icon}
      </span>
      <div className="entry-main">
        <p className="entry-head">
          <strong>{kind.label}</strong>
          {title && <span>{title}</span>}
          {entry.state && <span className={`badge state-${entry.state}`}>{entry.state}</span>}
          <span className="muted">
            <Time value={whenOf(entry)} withTime />
            {entry.author && ` · ${entry.author}`}
          </span>
          {entry.dueAt && (
            <span>
              due <Time value={entry.dueAt} />
            </span>
          )}
        </p>
        {entry.body && entry.body !== title && <p className="narrative entry-body">{entry.body}</p>}
        {entry.kind === 'task' && <TaskControl entry={entry} change={change} />}
        {entry.kind === 'action' && <ActionControl entry={entry} change={change} />}
      </div>
    </li>
  );
}

/** The case's history in time order: status moves, notes, tasks, civil actions and outcomes. */
export function CaseHistory({
  caseId,
  entries,
  onChanged,
}: {
  caseId: string;
  entries: readonly CaseEntry[];
  onChanged(): void;
}) {
  const change = useCaseChange(caseId, onChanged);
  if (entries.length === 0) return <Empty>Nothing has happened yet.</Empty>;
  return (
    <>
      <ol className="case-history" aria-label="History, oldest first">
        {inTimeOrder(entries).map((e) => (
          <Entry key={e.id} entry={e} change={change} />
        ))}
      </ol>
      <Notice message={change.notice} />
      <FormError message={change.error} />
    </>
  );
}
