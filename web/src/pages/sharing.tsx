import './pages.css';
import { useState } from 'react';
import { Empty, LoadedView, Notice } from '../components/status';
import { useApi } from '../use-api';
import { FeedLinks } from './sharing/feed-links';
import { KeysTable } from './sharing/keys-table';
import { NewKeyForm } from './sharing/new-key-form';
import type { ApiKey } from './sharing/types';

/** Sharing with partners (admins): their API keys (create, shown once; revoke) and the feeds they read. */
export function SharingPage() {
  const keys = useApi<{ keys: ApiKey[] }>('/api/keys');
  const [notice, setNotice] = useState<string | undefined>();
  const revoked = (k: ApiKey) => {
    setNotice(`Key ${k.name} (${k.id}) revoked: it no longer opens anything.`);
    keys.reload();
  };
  return (
    <>
      <div className="page-head">
        <h1>Sharing</h1>
        <span className="muted">Partners' API keys, and the feeds and exports they read</span>
      </div>
      <NewKeyForm onCreated={keys.reload} />
      <section aria-labelledby="keys-title">
        <h2 id="keys-title">API keys</h2>
        <Notice message={notice} />
        <LoadedView state={keys} what="API keys">
          {(d) =>
            d.keys.length === 0 ? (
              <Empty>No partner has a key yet.</Empty>
            ) : (
              <KeysTable keys={d.keys} onRevoked={revoked} />
            )
          }
        </LoadedView>
      </section>
      <section aria-labelledby="feeds-title">
        <h2 id="feeds-title">Feeds and exports</h2>
        <FeedLinks />
      </section>
    </>
  );
}
