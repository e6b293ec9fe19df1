import { useCallback, useRef, useState } from 'react';

/** The state of a change sent to the server: run it, whether it is under way, and its error message. */
export interface Action<A extends unknown[], R> {
  run(...args: A): Promise<R | undefined>;
  busy: boolean;
  error: string | undefined;
  reset(): void;
}

/** Wraps an async change (a POST, a DELETE): one at a time, its error kept as a message for the screen. */
export function useAction<A extends unknown[], R>(fn: (...args: A) => Promise<R>): Action<A, R> {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | undefined>(undefined);
  const fnRef = useRef(fn);
  fnRef.current = fn;
  const running = useRef(false);
  const run = useCallback(async (...args: A) => {
    if (running.current) return undefined;
    running.current = true;
    setBusy(true);
    setError(undefined);
    try {
      return await fnRef.current(...args);
    } catch (e) {
      setError(e instanceof Error ? e.message : String(e));
      return undefined;
    } finally {
      running.current = false;
      setBusy(false);
    }
  }, []);
  const reset = useCallback(() => setError(undefined), []);
  return { run, busy, error, reset };
}
