import type { ReactNode } from 'react';
import type { Loaded } from '../use-api';

/** A polite "Loading …" line for screen readers and eyes. */
export function Loading({ what }: { what: string }) {
  return (
    <p className="loading" role="status">
      Loading {what}…
    </p>
  );
}

/** The server's error message, announced, with an optional retry button. */
export function ErrorMessage({ message, onRetry }: { message: string; onRetry?: () => void }) {
  return (
    <div className="error-box" role="alert">
      <p>{message}</p>
      {onRetry && (
        <button type="button" className="secondary" onClick={onRetry}>
          Try again
        </button>
      )}
    </div>
  );
}

/** A form's error message, announced where the form is; nothing without one. */
export function FormError({ message }: { message: string | undefined }) {
  if (!message) return null;
  return (
    <p role="alert" className="error">
      {message}
    </p>
  );
}

/** What just changed, said politely where it happened; an empty live region until then. */
export function Notice({ message }: { message: string | undefined }) {
  return (
    <p className={message ? 'notice' : 'visually-hidden'} role="status">
      {message}
    </p>
  );
}

/** A quiet line for an empty result. */
export function Empty({ children }: { children: ReactNode }) {
  return <p className="empty muted">{children}</p>;
}

/**
 * Renders a useApi result: loading line until the first answer, the error with a retry, then `children`
 * with the data (kept on screen, marked busy, while a reload is under way).
 */
export function LoadedView<T>({
  state,
  what,
  children,
}: {
  state: Loaded<T>;
  what: string;
  children: (data: T) => ReactNode;
}) {
  if (state.error) return <ErrorMessage message={state.error} onRetry={state.reload} />;
  if (state.data === undefined) return <Loading what={what} />;
  return <div aria-busy={state.loading}>{children(state.data)}</div>;
}
