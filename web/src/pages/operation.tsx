import { useLocation, useParams } from 'react-router';
import { Decisions } from '../components/operation/decisions';
import { Evidence } from '../components/operation/evidence';
import { Geography } from '../components/operation/geography';
import { GraphSection } from '../components/operation/graph-section';
import { Indicators } from '../components/operation/indicators';
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
import { useApi } from '../use-api';

const SECTIONS: SectionRef[] = [
  { id: 'summary', title: 'Summary and profile' },
  { id: 'graph', title: 'Graph' },
  { id: 'timeline', title: 'Timeline' },
  { id: 'map', title: 'Map' },
  { id: 'indicators', title: 'Indicators' },
  { id: 'reports', title: 'Reports' },
  { id: 'evidence', title: 'Crawled evidence' },
  { id: 'decisions', title: 'Decisions' },
  { id: 'merge', title: 'Merge' },
];

function isNotice(state: unknown): state is DecisionNotice {
  return typeof state === 'object' && state !== null && typeof (state as DecisionNotice).notice === 'string';
}

function OperationView({ id }: { id: string }) {
  const operation = useApi<OperationRow>(`/api/operations/${id}`);
  const location = useLocation();
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
      <Toc sections={SECTIONS} />
      <Section id="summary" title="Summary and profile">
        <OperationSummary operation={op} />
        <OperationProfile profile={op.summary.profile} />
      </Section>
      <Section id="graph" title="Graph">
        <GraphSection operationId={id} />
      </Section>
      <Section id="timeline" title="Timeline">
        <Timeline operationId={id} />
      </Section>
      <Section id="map" title="Map">
        <Geography operationId={id} />
      </Section>
      <Section id="indicators" title="Indicators">
        <Indicators operationId={id} />
      </Section>
      <Section id="reports" title="Reports">
        <Reports operationId={id} />
      </Section>
      <Section id="evidence" title="Crawled evidence">
        <Evidence operationId={id} />
      </Section>
      <Section id="decisions" title="Decisions">
        <Decisions operationId={id} />
      </Section>
      <Section id="merge" title="Merge">
        <MergeForm operationId={id} />
      </Section>
    </div>
  );
}

/** An operation: summary and profile, graph, timeline, map, indicators, reports, evidence and decisions. */
export function OperationPage() {
  const { id = '' } = useParams();
  return <OperationView key={id} id={id} />;
}
