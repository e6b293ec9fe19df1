import { type FormEvent, useCallback, useEffect, useRef, useState } from 'react';
import { useLocation, useNavigate } from 'react-router';
import { PortalError, submitReport } from '../api';
import { currencyOf, defaultCountry } from '../countries';
import { useI18n } from '../i18n/context';
import { buildReport, type FieldError, hasSubstance, validateStep } from './build-report';
import { Confirmation } from './confirmation';
import { clearDraft, loadDraft, saveDraft } from './draft';
import { emptyDraft, type ReportDraft, STEPS, type Step } from './form-state';
import { AboutStep } from './steps/about';
import { ChannelStep } from './steps/channel';
import { ContactsStep } from './steps/contacts';
import { HappenedStep } from './steps/happened';
import { MoneyStep } from './steps/money';
import { RemoteStep } from './steps/remote';
import type { StepProps } from './steps/step-props';

const STEP_VIEWS: Record<Step, (props: StepProps) => React.JSX.Element> = {
  happened: HappenedStep,
  channel: ChannelStep,
  contacts: ContactsStep,
  money: MoneyStep,
  remote: RemoteStep,
  about: AboutStep,
};

/** The step shown for a path: /report → 0, /report/3 → 2; /report/done is the confirmation. */
function stepIndexOf(pathname: string): number {
  const n = Number(pathname.split('/')[2] ?? '1');
  return Number.isInteger(n) && n >= 1 && n <= STEPS.length ? n - 1 : 0;
}

interface Sent {
  id: string;
  draft: ReportDraft;
}

/**
 * The guided report form: six short steps, each in the URL (the browser's Back goes back a step), the
 * answers kept whole when moving between steps and across a reload of the tab, then the confirmation.
 */
export function ReportPage() {
  const i18n = useI18n();
  const { t, language } = i18n;
  const location = useLocation();
  const navigate = useNavigate();
  const [draft, setDraft] = useState<ReportDraft>(() => {
    const country = defaultCountry(language);
    return loadDraft() ?? emptyDraft(country, currencyOf(country));
  });
  const [errors, setErrors] = useState<FieldError[]>([]);
  const [submitError, setSubmitError] = useState<string | null>(null);
  const [missing, setMissing] = useState(false);
  const [sending, setSending] = useState(false);
  const [sent, setSent] = useState<Sent | null>(null);
  const [honeypot, setHoneypot] = useState('');
  const sendingRef = useRef(false);
  const headingRef = useRef<HTMLHeadingElement>(null);
  const errorsRef = useRef<HTMLDivElement>(null);

  const done = location.pathname.startsWith('/report/done');
  const index = stepIndexOf(location.pathname);
  const step = STEPS[index]!;

  useEffect(() => {
    if (!sent) saveDraft(draft);
  }, [draft, sent]);

  // A new step: its heading takes the focus, so screen readers announce where the person is.
  // biome-ignore lint/correctness/useExhaustiveDependencies: runs on each change of step
  useEffect(() => {
    if (!done) headingRef.current?.focus();
    setErrors([]);
    setSubmitError(null);
    setMissing(false);
  }, [index, done]);

  useEffect(() => {
    if (done && !sent) navigate('/report', { replace: true });
  }, [done, sent, navigate]);

  const patch: StepProps['patch'] = useCallback(
    (key, value) => setDraft((d) => ({ ...d, [key]: { ...d[key], ...value } })),
    [],
  );
  const addEvidence = useCallback<StepProps['addEvidence']>(
    (item) =>
      setDraft((d) =>
        d.evidence.some((e) => e.sha256 === item.sha256) ? d : { ...d, evidence: [...d.evidence, item] },
      ),
    [],
  );
  const removeEvidence = useCallback<StepProps['removeEvidence']>(
    (sha256) => setDraft((d) => ({ ...d, evidence: d.evidence.filter((e) => e.sha256 !== sha256) })),
    [],
  );

  const showErrors = (found: FieldError[]) => {
    setErrors(found);
    requestAnimationFrame(() => errorsRef.current?.focus());
  };

  const send = async () => {
    const report = buildReport(draft, t, language);
    if (!hasSubstance(report)) {
      setMissing(true);
      requestAnimationFrame(() => errorsRef.current?.focus());
      return;
    }
    // One request at a time: a double click sends once (and the server would store one report anyway).
    if (sendingRef.current) return;
    sendingRef.current = true;
    setSending(true);
    setSubmitError(null);
    try {
      const answer = await submitReport(report, honeypot);
      finish(answer.id);
    } catch (error) {
      const e = error instanceof PortalError ? error : new PortalError('network', 0);
      if (e.status === 409 && e.existingId) finish(e.existingId);
      else {
        const code =
          e.code === 'rate_limited' || e.code === 'network' ? e.code : e.status === 400 ? 'invalid' : 'other';
        setSubmitError(t.submit[code]);
      }
    } finally {
      sendingRef.current = false;
      setSending(false);
    }
  };

  const finish = (id: string) => {
    setSent({ id, draft });
    clearDraft();
    navigate('/report/done');
  };

  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    const found = validateStep(step, draft, t, language);
    if (found.length > 0) return showErrors(found);
    setErrors([]);
    setMissing(false);
    if (index < STEPS.length - 1) navigate(`/report/${index + 2}`);
    else void send();
  };

  const startAgain = () => {
    const country = draft.about.country || defaultCountry(language);
    setDraft(emptyDraft(country, currencyOf(country)));
    setSent(null);
    navigate('/report');
  };

  if (done) return sent ? <Confirmation id={sent.id} draft={sent.draft} onNewReport={startAgain} /> : null;

  const View = STEP_VIEWS[step];
  const last = index === STEPS.length - 1;
  return (
    <div className="report">
      <h1>{t.form.title}</h1>
      <div className="progress" aria-hidden="true">
        <div className="progress-bar" style={{ width: `${((index + 1) / STEPS.length) * 100}%` }} />
      </div>
      <h2 ref={headingRef} tabIndex={-1} className="step-heading" id="step-title">
        <span className="step-count">{t.form.stepOf(index + 1, STEPS.length)}</span>{' '}
        <span className="step-title">{t[step].title}</span>
      </h2>
      <p className="hint">{t.form.optional}</p>
      {(errors.length > 0 || missing) && (
        <div className="error-summary" role="alert" tabIndex={-1} ref={errorsRef}>
          <p className="error-title">{t.form.errorsTitle}</p>
          <ul>
            {errors.map((e) => (
              <li key={e.field}>
                <a href={`#${e.field}`}>{e.message}</a>
              </li>
            ))}
            {missing && (
              <li>
                {t.form.nothingToSend}{' '}
                <button type="button" className="link" onClick={() => navigate('/report/1')}>
                  {t.form.goToStep(1)}
                </button>
              </li>
            )}
          </ul>
        </div>
      )}
      <form noValidate onSubmit={onSubmit} aria-labelledby="step-title">
        <View
          draft={draft}
          patch={patch}
          errors={errors}
          addEvidence={addEvidence}
          removeEvidence={removeEvidence}
        />
        <div className="honeypot" aria-hidden="true">
          <label htmlFor="website">Website</label>
          <input
            id="website"
            name="website"
            type="text"
            tabIndex={-1}
            autoComplete="off"
            value={honeypot}
            onChange={(e) => setHoneypot(e.target.value)}
          />
        </div>
        {submitError && (
          <p className="submit-error" role="alert">
            {submitError}
          </p>
        )}
        <div className="step-nav">
          {index > 0 && (
            <button type="button" className="secondary" onClick={() => navigate(`/report/${index}`)}>
              {t.form.back}
            </button>
          )}
          <button
            type="submit"
            className={last ? 'primary send' : 'primary'}
            disabled={sending}
            aria-disabled={sending}
          >
            {last ? (sending ? t.form.sending : t.form.send) : t.form.next}
          </button>
        </div>
        <p className="status" aria-live="polite">
          {sending ? t.form.sending : ''}
        </p>
      </form>
    </div>
  );
}
