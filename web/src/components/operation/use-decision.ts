import { useState } from 'react';
import { useNavigate } from 'react-router';
import { api } from '../../api';
import { useAction } from '../use-action';
import type { DecisionAnswer } from './types';

/** What the operation page shows after a merge or split brought the analyst to it. */
export interface DecisionNotice {
  notice: string;
}

/**
 * Posts a merge or split, then opens the resulting operation with a notice of what happened; a decision
 * that applies only at the next recluster is said in `error`, where the form shows its messages.
 */
export function useDecision() {
  const navigate = useNavigate();
  const [deferred, setDeferred] = useState<string | undefined>();
  const post = useAction((path: string, body: unknown) =>
    api<DecisionAnswer>(path, { method: 'POST', body }),
  );
  const run = async (path: string, body: unknown, describe: (operationId: string) => string) => {
    setDeferred(undefined);
    const r = await post.run(path, body);
    if (!r) return;
    if (!r.operationId) {
      setDeferred(`Decision ${r.id} recorded; it applies at the next recluster.`);
      return;
    }
    const state: DecisionNotice = { notice: describe(r.operationId) };
    navigate(`/operations/${r.operationId}`, { state });
  };
  return { run, busy: post.busy, error: post.error ?? deferred };
}
