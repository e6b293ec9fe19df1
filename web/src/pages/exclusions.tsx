import './pages.css';
import { useState } from 'react';
import { Empty, LoadedView } from '../components/status';
import { useApi } from '../use-api';
import { AddExclusion } from './exclusions/add-exclusion';
import { DecisionsTable } from './exclusions/decisions-table';
import { RegistryTable } from './exclusions/registry-table';
import type { ExclusionsAnswer } from './exclusions/types';

/** The block / inform lists: add an exclusion after previewing what it changes, revoke an analyst's. */
export function ExclusionsPage() {
  const loaded = useApi<ExclusionsAnswer>('/api/exclusions');
  const [notice, setNotice] = useState('');
  const changed = (message: string) => {
    setNotice(message);
    loaded.reload();
  };
  return (
    <>
      <div className="page-head">
        <h1>Exclusions</h1>
        <span className="muted">
          Values kept out of linking: shared infrastructure, real support lines, test data
        </span>
      </div>
      <p className={notice ? 'notice' : 'visually-hidden'} role="status">
        {notice}
      </p>
      <AddExclusion onAdded={changed} />
      <LoadedView state={loaded} what="exclusions">
        {(d) => (
          <>
            <section aria-labelledby="decisions-title">
              <h2 id="decisions-title">Analysts' exclusions</h2>
              {d.decisions.length === 0 ? (
                <Empty>No analyst has excluded a value.</Empty>
              ) : (
                <DecisionsTable
                  decisions={d.decisions}
                  onRevoked={(x) =>
                    changed(`Revoked the exclusion of ${x.value}; it applies at the next recluster.`)
                  }
                />
              )}
            </section>
            <section aria-labelledby="registry-title">
              <h2 id="registry-title">Block and inform lists</h2>
              {d.registry.length === 0 ? (
                <Empty>The lists are empty.</Empty>
              ) : (
                <RegistryTable registry={d.registry} />
              )}
            </section>
          </>
        )}
      </LoadedView>
    </>
  );
}
