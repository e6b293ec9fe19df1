import { useId, useState } from 'react';
import { PortalError, uploadFile } from '../api';
import { useI18n } from '../i18n/context';
import type { Messages } from '../i18n/en';
import type { EvidenceItem, Step } from './form-state';

/** The most files one report carries (the ReportInput contract's limit). */
export const MAX_EVIDENCE = 20;

const ACCEPT = 'image/*,.eml,.txt,message/rfc822,text/plain';

function uploadError(t: Messages, error: unknown): string {
  const code = error instanceof PortalError ? error.code : 'other';
  const errors = t.evidence.errors;
  return code in errors ? errors[code as keyof typeof errors] : errors.other;
}

/**
 * Adds screenshots and e-mails to the report, one request per file; each file shows with a remove button.
 * What happens is said in a polite live region, failures in an alert.
 */
export function EvidenceUpload(props: {
  step: Step;
  hint: string;
  evidence: EvidenceItem[];
  onAdd(item: EvidenceItem): void;
  onRemove(sha256: string): void;
}) {
  const { t, formatNumber } = useI18n();
  const id = useId();
  const [busy, setBusy] = useState<string | null>(null);
  const [status, setStatus] = useState('');
  const [errors, setErrors] = useState<string[]>([]);
  const mine = props.evidence.filter((e) => e.step === props.step);

  const upload = async (files: File[]) => {
    setErrors([]);
    let count = props.evidence.length;
    const failures: string[] = [];
    for (const file of files) {
      if (count >= MAX_EVIDENCE) {
        failures.push(t.evidence.failed(file.name, t.evidence.errors.too_many));
        break;
      }
      setBusy(file.name);
      setStatus(t.evidence.uploading(file.name));
      try {
        const stored = await uploadFile(file);
        props.onAdd({ ...stored, filename: stored.filename || file.name, step: props.step });
        count += 1;
        setStatus(t.evidence.added(file.name));
      } catch (error) {
        failures.push(t.evidence.failed(file.name, uploadError(t, error)));
        setStatus('');
      }
    }
    setBusy(null);
    setErrors(failures);
  };

  const size = (bytes: number) =>
    bytes >= 1_000_000
      ? `${formatNumber(Math.round(bytes / 100_000) / 10)} MB`
      : `${formatNumber(Math.ceil(bytes / 1000))} kB`;

  return (
    <div className="evidence">
      <p className="hint" id={`${id}-hint`}>
        {props.hint}
        <br />
        {t.evidence.hint}
      </p>
      <input
        id={`${id}-input`}
        className="file-input"
        type="file"
        multiple
        accept={ACCEPT}
        aria-describedby={`${id}-hint`}
        disabled={busy !== null}
        onChange={(e) => {
          const files = [...(e.target.files ?? [])];
          e.target.value = '';
          if (files.length > 0) void upload(files);
        }}
      />
      {/* After the input, so CSS can show the input's keyboard focus on the label that looks like a button. */}
      <label className="file-button" htmlFor={`${id}-input`}>
        {t.evidence.add}
      </label>
      <p className="status" aria-live="polite">
        {status}
      </p>
      {errors.length > 0 && (
        <div role="alert" className="upload-errors">
          {errors.map((message) => (
            <p key={message}>{message}</p>
          ))}
        </div>
      )}
      {mine.length > 0 && (
        <ul className="files" aria-label={t.evidence.listLabel}>
          {mine.map((file) => (
            <li key={file.sha256}>
              <span className="file-name">{file.filename}</span>
              <span className="file-size">{size(file.size)}</span>
              <button
                type="button"
                className="secondary"
                onClick={() => {
                  props.onRemove(file.sha256);
                  setStatus(t.evidence.removed(file.filename));
                  document.getElementById(`${id}-input`)?.focus();
                }}
              >
                {t.form.remove(file.filename)}
              </button>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
