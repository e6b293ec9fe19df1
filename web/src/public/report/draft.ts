import type { ReportDraft } from './form-state';

const KEY = 'dragnet.report-draft';

/**
 * The unfinished report of this tab, so a reload or a wrong click on the browser's Back loses nothing.
 * sessionStorage: it ends with the tab, which matters on a shared computer.
 */
export function loadDraft(): ReportDraft | undefined {
  try {
    const text = sessionStorage.getItem(KEY);
    const draft = text ? (JSON.parse(text) as ReportDraft) : undefined;
    return draft && typeof draft.externalId === 'string' && Array.isArray(draft.evidence) ? draft : undefined;
  } catch {
    return undefined;
  }
}

/** Keeps the draft for this tab. */
export function saveDraft(draft: ReportDraft): void {
  try {
    sessionStorage.setItem(KEY, JSON.stringify(draft));
  } catch {
    // Storage refused (private mode, full): the draft still lives in the page.
  }
}

/** Forgets the draft once the report is sent. */
export function clearDraft(): void {
  try {
    sessionStorage.removeItem(KEY);
  } catch {
    // Nothing to forget.
  }
}
