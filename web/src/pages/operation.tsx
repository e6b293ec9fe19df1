import type { ReactNode } from 'react';
import { useLocation, useParams } from 'react-router';
import { AddToCase } from '../components/operation/add-to-case';
import { Decisions } from '../components/operation/decisions';
import { Evidence } from '../components/operation/evidence';
import { Exports } from '../components/operation/exports';
import { Geography } from '../components/operation/geography';
import { GraphSection } from '../components/operation/graph-section';
import { Indicators } from '../components/operation/indicators';
import { Marking } from '../components/operation/marking';
import { MergeForm } from '../components/operation/merge-form';
import { OperationProfile } from '../components/operation/profile';
import { Reports } from '../components/operation/reports';
import { Section } from '../components/operation/section';
import { OperationSummary } from '../components/operation/summary';
import { Timeline } from '../components/operation/timeline';
import { type SectionRef, Toc } from '../components/operation/toc';
import type { DecisionNotice } from '../components/operation/use-decision';
import type { OperationRow } from '../components/operation-summary';
import { ErrorMessage, Loading } from '../components/status';
import { useRoleAllows } from '../session';
import { useApi } from '../use-api';

/** What the sharing section shows: marking, exports, and for the team the marking select and cases. */
function SharingSection({ op }: { op: OperationRow }) {
  const team = useRoleAllows('analyst');
  return (
    <>
      <Marking operationId={op.id} tlp={op.tlp ?? 'amber'} canChange={team} />
      <h3>Exports</h3>
      <Exports operationId={op.id} />
      {team && <AddToCase operationId={op.id} />}
    </>
  );
}

/**
 * The page's sections in order: the table of contents and the page are both made from this list. `team`
 * sections read what only analysts may (reports, crawls, decisions): partners do not see them.
 */
const SECTIONS: Array<SectionRef & { team?: true; body(op: OperationRow): ReactNode }> = [
  {
    id: 'summary',
    title: 'Summary and profile',
    body: (op) => (
      <>
        <OperationSummary operation={op} />
        <OperationProfile profile={op.summary.profile} />
      </>
    ),
  },
  { id: 'graph', title: 'Graph', body: (op) => <GraphSection operationId={op.id} /> },
  { id: 'timeline', title: 'Timeline', body: (op) => <Timeline operationId={op.id} /> },
  { id: 'map', title: 'Map', body: (op) => <Geography operationId={op.id} /> },
  { id: 'indicators', title: 'Indicators', body: (op) => <Indicators operationId={op.id} /> },
  { id: 'reports', title: 'Reports', team: true, body: (op) => <Reports operationId={op.id} /> },
  { id: 'evidence', title: 'Crawled evidence', team: true, body: (op) => <Evidence operationId={op.id} /> },
  { id: 'sharing', title: 'Sharing and cases', body: (op) => <SharingSection op={op} /> },
  { id: 'decisions', title: 'Decisions', team: true, body: (op) => <Decisions operationId={op.id} /> },
  { id: 'merge', title: 'Merge', team: true, body: (op) => <MergeForm operationId={op.id} /> },
];

function isNotice(state: unknown): state is DecisionNotice {
  return typeof state === 'object' && state !== null && typeof (state as DecisionNotice).notice === 'string';
}

function OperationView({ id }: { id: string }) {
  const operation = useApi<OperationRow>(`/api/operations/${id}`);
  const location = useLocation();
  const team = useRoleAllows('analyst');
  const sections = SECTIONS.filter((s) => team || !s.team);
  const notice = isNotice(location.state) ? location.state.notice : undefined;
  if (operation.error)
    return (
      <>
        <h1>Operation {id}</h1>
        <ErrorMessage message={operation.error} onRetry={operation.reload} />
      </>
    );
  if (!operation.data)
    return (
      <>
        <h1>Operation {id}</h1>
        <Loading what="the operation" />
      </>
    );
  const op = operation.data;
  return (
    <div className="op-page">
      <h1>Operation {op.id}</h1>
      {notice && (
        <p className="notice" role="status">
          {notice}
        </p>
      )}
      <Toc sections={sections} />
      {sections.map((section) => (
        <Section key={section.id} id={section.id} title={section.title}>
          {section.body(op)}
        </Section>
      ))}
    </div>
  );
}

/**
 * An operation: summary and profile, graph, timeline, map, indicators, reports, evidence, sharing (TLP,
 * exports, cases) and decisions.
 */
export function OperationPage() {
  const { id = '' } = useParams();
  return <OperationView key={id} id={id} />;
}
