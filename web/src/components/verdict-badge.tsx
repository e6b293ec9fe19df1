import { formatPercent } from './format';

/** A page verdict with its scam probability: "scam 97%"; "no verdict" when the models did not run. */
export function VerdictBadge({
  verdict,
  probability,
}: {
  verdict: string | null | undefined;
  probability?: number | null;
}) {
  if (!verdict) return <span className="muted">no verdict</span>;
  return (
    <span className={`badge ${verdict === 'scam' ? 'scam' : 'legitimate'}`}>
      {verdict}
      {probability !== null && probability !== undefined && (
        <>
          {' '}
          <span title="Probability that the page is a scam">{formatPercent(probability)}</span>
        </>
      )}
    </span>
  );
}
