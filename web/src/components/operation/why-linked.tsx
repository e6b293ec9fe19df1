import { Fragment } from 'react';
import { Link } from 'react-router';
import { query } from '../../api';
import { useApi } from '../../use-api';
import { ErrorMessage, Loading } from '../status';
import { kindLabel } from '../vocabulary';
import type { LinkAnswer, SharedValue } from './types';

const CAPTURE_PREFIX = 'crawl:';

/** What a chain node is called: the report's name when known, else the end of its id (UUIDv7s share their start). */
function nodeName(id: string, names: ReadonlyMap<string, string>): string {
  if (id.startsWith(CAPTURE_PREFIX)) return `crawled page …${id.slice(-8)}`;
  return names.get(id) ?? `report …${id.slice(-8)}`;
}

function SharedList({ shared }: { shared: SharedValue[] }) {
  return (
    <>
      {shared.map((s, i) => (
        <Fragment key={`${s.kind}:${s.value}`}>
          {i > 0 && '; '}
          {kindLabel(s.kind)} <span className="op-value">{s.value}</span>{' '}
          <span className="muted">
            (weight {s.weight.toFixed(2)}, {s.reportCount} {s.reportCount === 1 ? 'report' : 'reports'})
          </span>
        </Fragment>
      ))}
    </>
  );
}

/** Why two reports are (or are not) in one operation, as a chain of reports through shared values. */
export function WhyLinked({ a, b, names }: { a: string; b: string; names: ReadonlyMap<string, string> }) {
  const answer = useApi<LinkAnswer>(`/api/explain${query({ a, b })}`);
  if (answer.error) return <ErrorMessage message={answer.error} onRetry={answer.reload} />;
  if (!answer.data) return <Loading what="the explanation" />;
  const data = answer.data;
  if (!data.linked) {
    return (
      <div className="op-why">
        <p>
          Not linked: {nodeName(a, names)} is in{' '}
          <Link to={`/operations/${data.operations[0]}`}>{data.operations[0]}</Link>, {nodeName(b, names)} in{' '}
          <Link to={`/operations/${data.operations[1]}`}>{data.operations[1]}</Link>.
        </p>
        {data.shared.length === 0 ? (
          <p>They share no values.</p>
        ) : (
          <ul>
            {data.shared.map((s) => (
              <li key={`${s.kind}:${s.value}`}>
                They share {kindLabel(s.kind)} <span className="op-value">{s.value}</span>, which does not
                link them: {s.why}.
              </li>
            ))}
          </ul>
        )}
      </div>
    );
  }
  const explanation = data.explanation;
  if (!explanation)
    return (
      <p className="op-why">
        Both reports are in {data.operationId}, together by an analyst's decision: no chain of shared values
        joins them.
      </p>
    );
  if (explanation.steps.length === 0) return <p className="op-why">That is the same report twice.</p>;
  return (
    <div className="op-why">
      <p>
        Linked in {explanation.steps.length} {explanation.steps.length === 1 ? 'step' : 'steps'}:
      </p>
      <ol className="op-chain">
        {explanation.steps.map((step, i) => (
          <li key={`${step.from}>${step.to}`}>
            {i === 0 && <strong>{nodeName(step.from, names)}</strong>} — <SharedList shared={step.shared} />{' '}
            {step.weak && <span className="op-badge">weak evidence adding up</span>}→{' '}
            <strong>{nodeName(step.to, names)}</strong>
          </li>
        ))}
      </ol>
    </div>
  );
}
