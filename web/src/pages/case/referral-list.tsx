import { formatCount } from '../../components/format';
import { Time } from '../../components/time';
import type { Referral } from './types';

/** The URL of one file of a referral package (every read is written to the audit log). */
export const referralFileUrl = (referralId: string, name: string) =>
  `/api/referrals/${referralId}/files/${name.split('/').map(encodeURIComponent).join('/')}`;

/** A size in bytes as people read it: "378 kB". */
function formatBytes(n: number): string {
  if (n < 1000) return `${formatCount(n)} B`;
  if (n < 1_000_000) return `${formatCount(n / 1000)} kB`;
  return `${(n / 1_000_000).toFixed(1)} MB`;
}

/** One package: for whom, when, with or without personal data, its dossier, zip and files with their hashes. */
function ReferralItem({ referral: r }: { referral: Referral }) {
  const hasDossier = r.manifest.files.some((f) => f.name === 'dossier.pdf');
  return (
    <li className="card referral">
      <p className="referral-head">
        <strong>{r.recipient}</strong>
        <span className="muted">
          <Time value={r.createdAt} withTime />
          {r.createdBy && ` by ${r.createdBy}`}
        </span>
        {r.personalData ? (
          <span className="badge personal-data">with victims' personal data</span>
        ) : (
          <span className="badge">redacted</span>
        )}
      </p>
      <p className="actions tight">
        {hasDossier && (
          <a href={referralFileUrl(r.id, 'dossier.pdf')} target="_blank" rel="noopener">
            Open dossier (PDF)
          </a>
        )}
        <a href={`/api/referrals/${r.id}/package`} download>
          Download package (.zip)
        </a>
      </p>
      <details>
        <summary>
          Files and SHA-256 ({formatCount(r.manifest.files.length)} files; package{' '}
          <span className="mono">{r.packageSha256.slice(0, 12)}…</span>)
        </summary>
        <p className="small">
          Package SHA-256: <span className="mono">{r.packageSha256}</span>
        </p>
        <table className="dense">
          <caption className="visually-hidden">Files of the package sent to {r.recipient}</caption>
          <thead>
            <tr>
              <th scope="col">File</th>
              <th scope="col" className="num">
                Size
              </th>
              <th scope="col">SHA-256</th>
            </tr>
          </thead>
          <tbody>
            {r.manifest.files.map((f) => (
              <tr key={f.name}>
                <td>
                  <a href={referralFileUrl(r.id, f.name)} className="mono">
                    {f.name}
                  </a>
                </td>
                <td className="num nowrap">{formatBytes(f.bytes)}</td>
                <td className="mono small">{f.sha256}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </details>
    </li>
  );
}

/** The case's referral packages, newest first. */
export function ReferralList({ referrals }: { referrals: readonly Referral[] }) {
  return (
    <ul className="referrals">
      {referrals.map((r) => (
        <ReferralItem key={r.id} referral={r} />
      ))}
    </ul>
  );
}
