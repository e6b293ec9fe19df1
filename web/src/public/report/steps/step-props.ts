import type { FieldError } from '../build-report';
import type { EvidenceItem, ReportDraft } from '../form-state';

/** What every step gets: the whole draft, a way to change one part of it, and its errors. */
export interface StepProps {
  draft: ReportDraft;
  patch<K extends Exclude<keyof ReportDraft, 'externalId' | 'evidence'>>(
    key: K,
    value: Partial<ReportDraft[K]>,
  ): void;
  errors: FieldError[];
  addEvidence(item: EvidenceItem): void;
  removeEvidence(sha256: string): void;
}

/** The error message for one field, if any. */
export const errorFor = (errors: FieldError[], field: string) =>
  errors.find((e) => e.field === field)?.message;
