import { useEffect, useRef } from 'react';
import { useI18n } from '../i18n/context';
import type { Messages } from '../i18n/en';
import { TheRule } from '../the-rule';
import { type Advice, adviceFor } from './advice';
import type { ReportDraft } from './form-state';
import { policeFor } from './police';
import { referenceOf } from './reference';

function adviceText(t: Messages, advice: Advice): string[] {
  const d = t.done;
  switch (advice.kind) {
    case 'hangUp':
      return [d.hangUp];
    case 'bank':
      return [d.bank];
    case 'giftCard':
      if (!advice.brand) return [d.giftCardAny];
      return advice.site
        ? [d.giftCard(advice.brand), d.giftCardWhere(advice.site)]
        : [d.giftCard(advice.brand)];
    case 'crypto':
      return [d.crypto];
    case 'p2p':
      return [d.p2p];
    case 'cash':
      return [d.cash];
    case 'askedOnly':
      return [d.askedOnly, d.neverPay];
    case 'remote':
      return [advice.tool ? d.remote(advice.tool) : d.remoteUnknown];
    case 'passwords':
      return [d.passwords];
    case 'popup':
      return [d.popup];
  }
}

/** After sending: the reference number, advice that fits the answers, and where to tell the police. */
export function Confirmation(props: { id: string; draft: ReportDraft; onNewReport(): void }) {
  const { t, countryName } = useI18n();
  const headingRef = useRef<HTMLHeadingElement>(null);
  useEffect(() => headingRef.current?.focus(), []);
  const advice = adviceFor(props.draft);
  const country = props.draft.about.country;
  const police = country ? policeFor(country) : [];
  return (
    <div className="confirmation">
      <h1 ref={headingRef} tabIndex={-1}>
        {t.done.title}
      </h1>
      <section className="reference" aria-labelledby="reference-label">
        <h2 id="reference-label">{t.done.reference}</h2>
        <p className="reference-number" data-testid="reference">
          {referenceOf(props.id)}
        </p>
        <p className="hint">{t.done.referenceHint}</p>
      </section>
      <p className="kind">{t.done.kind}</p>
      <section aria-labelledby="advice-title">
        <h2 id="advice-title">{t.done.adviceTitle}</h2>
        <ol className="advice">
          {advice.map((a, i) => (
            // biome-ignore lint/suspicious/noArrayIndexKey: a fixed list computed once from the answers
            <li key={i} className={`advice-${a.kind}`}>
              {adviceText(t, a).map((line) => (
                <p key={line}>{line}</p>
              ))}
            </li>
          ))}
        </ol>
      </section>
      <section aria-labelledby="police-title" className="police">
        <h2 id="police-title">{t.done.policeTitle}</h2>
        {police.length > 0 ? (
          <>
            <p>{t.done.policeIn(countryName(country))}</p>
            <ul>
              {police.map((p) => (
                <li key={p.name}>
                  <strong>{p.name}</strong>
                  {p.phone && (
                    <>
                      {' – '}
                      <a href={`tel:${p.phone.replace(/\s/g, '')}`}>{p.phone}</a>
                    </>
                  )}
                  {p.url && (
                    <>
                      {' – '}
                      <a href={p.url} rel="noopener noreferrer" target="_blank">
                        {p.url.replace(/^https:\/\/(www\.)?/, '')}
                      </a>
                    </>
                  )}
                </li>
              ))}
            </ul>
            <p>{t.done.policeOther}</p>
          </>
        ) : (
          <p>{t.done.policeOther}</p>
        )}
      </section>
      <TheRule />
      <div className="step-nav">
        <button type="button" className="secondary" onClick={() => window.print()}>
          {t.done.print}
        </button>
        <button type="button" className="secondary" onClick={props.onNewReport}>
          {t.done.newReport}
        </button>
      </div>
    </div>
  );
}
