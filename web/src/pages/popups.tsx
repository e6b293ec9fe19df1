import './pages.css';
import { type FormEvent, useState } from 'react';
import { useSearchParams } from 'react-router';
import { query } from '../api';
import { Pager } from '../components/pager';
import { Empty, LoadedView } from '../components/status';
import { useApi } from '../use-api';
import { CaptureDetail } from './popups/capture-detail';
import { CapturesTable } from './popups/captures-table';
import type { CaptureListItem, PageLabel } from './popups/types';

const LIMIT = 25;

/** Crawl results: screenshots, verdicts and reasons; open one to see its evidence and label it. */
export function PopupsPage() {
  const [params, setParams] = useSearchParams();
  const offset = Math.max(0, Number(params.get('offset')) || 0);
  const operationId = params.get('operationId') ?? '';
  const url = params.get('url') ?? '';
  const open = params.get('capture');
  const loaded = useApi<{ total: number; captures: CaptureListItem[] }>(
    `/api/crawls${query({ limit: LIMIT, offset, operationId, url })}`,
  );
  const [labels, setLabels] = useState<ReadonlyMap<string, PageLabel>>(new Map());
  const update = (change: (p: URLSearchParams) => void) => {
    const next = new URLSearchParams(params);
    change(next);
    setParams(next);
  };
  const filter = (e: FormEvent<HTMLFormElement>) => {
    e.preventDefault();
    const form = new FormData(e.currentTarget);
    update((p) => {
      for (const key of ['operationId', 'url']) {
        const v = String(form.get(key) ?? '').trim();
        if (v) p.set(key, v);
        else p.delete(key);
      }
      p.delete('offset');
    });
  };
  return (
    <>
      <div className="page-head">
        <h1>Popups</h1>
        <span className="muted">Pages the crawler visited, newest first</span>
      </div>
      <form key={`${operationId}|${url}`} className="filters" onSubmit={filter} aria-label="Filter crawls">
        <label>
          Operation
          <input
            name="operationId"
            defaultValue={operationId}
            pattern="op-[0-9a-f]{10}"
            title="An operation id, op- and 10 hex digits"
            placeholder="op-…"
          />
        </label>
        <label>
          Exact URL
          <input name="url" type="url" defaultValue={url} className="wide" />
        </label>
        <button type="submit">Apply filters</button>
        {(operationId || url) && (
          <button type="button" className="secondary" onClick={() => setParams({})}>
            Clear filters
          </button>
        )}
      </form>
      {open && (
        <CaptureDetail
          key={open}
          id={open}
          label={labels.get(open)}
          onLabelled={(l) => setLabels((m) => new Map(m).set(open, l))}
          onClose={() => {
            update((p) => p.delete('capture'));
            // Back to the row the analyst opened.
            requestAnimationFrame(() =>
              document.querySelector<HTMLAnchorElement>(`a[data-capture="${CSS.escape(open)}"]`)?.focus(),
            );
          }}
        />
      )}
      <section aria-labelledby="captures-title">
        <h2 id="captures-title" className="visually-hidden">
          Crawled pages
        </h2>
        <LoadedView state={loaded} what="crawled pages">
          {(d) =>
            d.captures.length === 0 ? (
              <Empty>No crawled pages{operationId || url ? ' match these filters' : ' yet'}.</Empty>
            ) : (
              <>
                <CapturesTable captures={d.captures} labels={labels} />
                <Pager
                  limit={LIMIT}
                  offset={offset}
                  total={d.total}
                  count={d.captures.length}
                  onOffset={(o) => update((p) => (o > 0 ? p.set('offset', String(o)) : p.delete('offset')))}
                />
              </>
            )
          }
        </LoadedView>
      </section>
    </>
  );
}
