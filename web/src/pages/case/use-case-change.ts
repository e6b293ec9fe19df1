import { useState } from 'react';
import { api } from '../../api';
import { useAction } from '../../components/use-action';

/** One change to a case: where under /api/cases/:id, how, and the sentence that says it is done. */
export interface CaseChange {
  method: 'POST' | 'PATCH' | 'PUT' | 'DELETE';
  /** The path after /api/cases/:id ('' for the case itself). */
  path: string;
  body?: unknown;
  done: string;
}

/**
 * Sends changes to one case, one at a time, and keeps what the last one did (`notice`) or why it failed
 * (`error`) for the form that sent it; `onDone` reloads what the change touched.
 */
export function useCaseChange(caseId: string, onDone: () => void) {
  const [notice, setNotice] = useState<string | undefined>();
  const action = useAction(async (c: CaseChange) => {
    await api(`/api/cases/${caseId}${c.path}`, { method: c.method, body: c.body });
    return c.done;
  });
  const run = async (c: CaseChange): Promise<boolean> => {
    setNotice(undefined);
    const done = await action.run(c);
    if (done === undefined) return false;
    setNotice(done);
    onDone();
    return true;
  };
  return { run, busy: action.busy, error: action.error, notice };
}
