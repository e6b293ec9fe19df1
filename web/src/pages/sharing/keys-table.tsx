import { ConfirmRevoke } from '../../components/confirm-revoke';
import { Time } from '../../components/time';
import { TlpBadge } from '../../components/tlp';
import { API_SCOPE_LABELS, type ApiKey } from './types';

/** Active, revoked (when), or expired. */
function KeyState({ apiKey: k }: { apiKey: ApiKey }) {
  if (k.revokedAt)
    return (
      <span className="badge revoked">
        revoked <Time value={k.revokedAt} />
      </span>
    );
  if (k.expiresAt && Date.parse(k.expiresAt) <= Date.now()) return <span className="badge">expired</span>;
  return <span className="badge active">active</span>;
}

/** Partners' API keys: name, scopes, TLP ceiling, dates, state, and a revoke button for the live ones. */
export function KeysTable({ keys, onRevoked }: { keys: readonly ApiKey[]; onRevoked(key: ApiKey): void }) {
  return (
    <table className="dense">
      <caption className="visually-hidden">Partners' API keys</caption>
      <thead>
        <tr>
          <th scope="col">Name</th>
          <th scope="col">Key id</th>
          <th scope="col">Scopes</th>
          <th scope="col">TLP ceiling</th>
          <th scope="col">Created</th>
          <th scope="col">Expires</th>
          <th scope="col">Last used</th>
          <th scope="col">State</th>
          <th scope="col">
            <span className="visually-hidden">Actions</span>
          </th>
        </tr>
      </thead>
      <tbody>
        {keys.map((k) => (
          <tr key={k.id}>
            <td>{k.name}</td>
            <td className="mono">{k.id}</td>
            <td>
              <ul className="plain-list">
                {k.scopes.map((s) => (
                  <li key={s} title={(API_SCOPE_LABELS as Record<string, string>)[s]}>
                    <span className="mono">{s}</span>
                  </li>
                ))}
              </ul>
            </td>
            <td className="nowrap">
              <TlpBadge tlp={k.tlpCeiling} />
            </td>
            <td className="nowrap">
              <Time value={k.createdAt} />
              {k.createdBy && <span className="muted small"> by {k.createdBy}</span>}
            </td>
            <td className="nowrap">{k.expiresAt ? <Time value={k.expiresAt} /> : 'never'}</td>
            <td className="nowrap">
              {k.lastUsedAt ? <Time value={k.lastUsedAt} withTime /> : <span className="muted">never</span>}
            </td>
            <td className="nowrap">
              <KeyState apiKey={k} />
            </td>
            <td className="nowrap">
              {!k.revokedAt && (
                <ConfirmRevoke
                  path={`/api/keys/${k.id}`}
                  label={`Revoke the key ${k.name} (${k.id})`}
                  onRevoked={() => onRevoked(k)}
                />
              )}
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
