import { useState } from 'react';
import { useNavigate } from 'react-router';
import { api } from '../../api';
import type { DecisionAnswer } from './types';

/** What the operation page shows after a merge or split brought the analyst to it. */
export interface DecisionNotice {
  notice: string;
}

/** Posts a merge or split, then opens the resulting operation with a notice of what happened. */
export function useDecision() {
  const navigate = useNavigate();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | undefined>();
  const run = async (path: string, body: unknown, describe: (operationId: string) => string) => {
    setBusy(true);
    setError(undefined);
    try {
      const r = await api<DecisionAnswer>(path, { method: 'POST', body });
      setBusy(false);
      if (!r.operationId) {
        setError(`Decision ${r.id} recorded; it applies at the next recluster.`);
        return;
      }
      const state: DecisionNotice = { notice: describe(r.operationId) };
      navigate(`/operations/${r.operationId}`, { state });
    } catch (err) {
      setError((err as Error).message);
      setBusy(false);
    }
  };
  return { run, busy, error };
}
