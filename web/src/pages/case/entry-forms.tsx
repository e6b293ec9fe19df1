import { type FormEvent, type ReactNode, useId } from 'react';
import { FormError, Notice } from '../../components/status';
import { useCaseChange } from './use-case-change';
import { ACTION_LABELS, labelOf, OUTCOME_LABELS } from './vocabulary';

interface EntryFormProps {
  caseId: string;
  onChanged(): void;
}

/** The text of a named field, trimmed. */
const text = (form: FormData, name: string) => String(form.get(name) ?? '').trim();

/** Only the fields that were filled in. */
function filled(fields: Record<string, string | number | undefined>): Record<string, string | number> {
  return Object.fromEntries(Object.entries(fields).filter(([, v]) => v !== undefined && v !== '')) as Record<
    string,
    string | number
  >;
}

/** One small form that adds an entry to the history: its fields, then a button; cleared once added. */
function EntryForm({
  caseId,
  onChanged,
  title,
  button,
  entry,
  children,
}: EntryFormProps & {
  title: string;
  button: string;
  /** The entry to post, and the sentence that says it was added. */
  entry(form: FormData): { body: Record<string, unknown>; done: string };
  children: ReactNode;
}) {
  const id = useId();
  const change = useCaseChange(caseId, onChanged);
  const submit = async (e: FormEvent<HTMLFormElement>) => {
    e.preventDefault();
    const form = e.currentTarget;
    const { body, done } = entry(new FormData(form));
    if (await change.run({ method: 'POST', path: '/entries', body, done })) form.reset();
  };
  return (
    <form className="card entry-form" aria-labelledby={id} onSubmit={(e) => void submit(e)}>
      <h3 id={id}>{title}</h3>
      {children}
      <div>
        <button type="submit" disabled={change.busy}>
          {button}
        </button>
      </div>
      <Notice message={change.notice} />
      <FormError message={change.error} />
    </form>
  );
}

/** A note: what was learnt, decided, or said on a call. */
function NoteForm(p: EntryFormProps) {
  return (
    <EntryForm
      {...p}
      title="Add a note"
      button="Add note"
      entry={(f) => ({ body: { kind: 'note', body: text(f, 'body') }, done: 'Note added to the history.' })}
    >
      <label>
        Note
        <textarea name="body" required rows={3} maxLength={20_000} />
      </label>
    </EntryForm>
  );
}

/** A task with an optional due date. */
function TaskForm(p: EntryFormProps) {
  return (
    <EntryForm
      {...p}
      title="Add a task"
      button="Add task"
      entry={(f) => ({
        body: { kind: 'task', ...filled({ body: text(f, 'body'), dueAt: text(f, 'dueAt') }) },
        done: 'Task added.',
      })}
    >
      <label>
        Task
        <input name="body" required maxLength={2_000} />
      </label>
      <label>
        Due
        <input name="dueAt" type="date" />
      </label>
    </EntryForm>
  );
}

/** The type of an action or outcome, from its labels. */
function TypeField(p: { labels: Record<string, string>; defaultValue: string }) {
  return (
    <label>
      Type
      <select name="subtype" defaultValue={p.defaultValue}>
        {Object.entries(p.labels).map(([value, label]) => (
          <option key={value} value={value}>
            {label}
          </option>
        ))}
      </select>
    </label>
  );
}

/** The details and date fields an action and an outcome both have. */
function DetailsAndDate() {
  return (
    <>
      <label>
        Details
        <input name="body" maxLength={20_000} />
      </label>
      <label>
        Date
        <input name="occurredAt" type="date" />
      </label>
    </>
  );
}

/** A civil action the team takes itself: a takedown request, a cease and desist … */
function ActionForm(p: EntryFormProps) {
  return (
    <EntryForm
      {...p}
      title="Add a civil action"
      button="Add civil action"
      entry={(f) => ({
        body: {
          kind: 'action',
          ...filled({
            subtype: text(f, 'subtype'),
            target: text(f, 'target'),
            body: text(f, 'body'),
            occurredAt: text(f, 'occurredAt'),
          }),
        },
        done: `Civil action added: ${labelOf(ACTION_LABELS, text(f, 'subtype'))}, ${text(f, 'target')}.`,
      })}
    >
      <TypeField labels={ACTION_LABELS} defaultValue="takedown_host" />
      <label>
        Target
        <input name="target" required maxLength={500} placeholder="host, registrar, number, merchant…" />
      </label>
      <DetailsAndDate />
    </EntryForm>
  );
}

/** An outcome: arrests, premises sealed, charges, convictions, seizures, takedowns. */
function OutcomeForm(p: EntryFormProps) {
  return (
    <EntryForm
      {...p}
      title="Add an outcome"
      button="Add outcome"
      entry={(f) => {
        const quantity = text(f, 'quantity');
        return {
          body: {
            kind: 'outcome',
            ...filled({
              subtype: text(f, 'subtype'),
              quantity: quantity === '' ? undefined : Number(quantity),
              body: text(f, 'body'),
              occurredAt: text(f, 'occurredAt'),
            }),
          },
          done: `Outcome added: ${labelOf(OUTCOME_LABELS, text(f, 'subtype'))}${quantity ? ` (${quantity})` : ''}.`,
        };
      }}
    >
      <TypeField labels={OUTCOME_LABELS} defaultValue="arrest" />
      <label>
        Quantity
        <input name="quantity" type="number" min={0} max={1_000_000} step={1} />
      </label>
      <DetailsAndDate />
    </EntryForm>
  );
}

/** The four ways to add to a case's history: a note, a task, a civil action, an outcome. */
export function EntryForms(p: EntryFormProps) {
  return (
    <div className="entry-forms">
      <NoteForm {...p} />
      <TaskForm {...p} />
      <ActionForm {...p} />
      <OutcomeForm {...p} />
    </div>
  );
}
