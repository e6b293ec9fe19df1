import type { CheckResult } from '../api';
import { useI18n } from '../i18n/context';

/** One value's answer: known as a scam (how often, when) or not known; counts only, never anyone's data. */
export function CheckAnswer({ result }: { result: CheckResult }) {
  const { t, formatNumber, formatDate } = useI18n();
  const kinds = t.check.kinds;
  const kind = result.kind in kinds ? kinds[result.kind as keyof typeof kinds] : kinds.other;
  return (
    <article className={result.known ? 'answer known' : 'answer unknown'}>
      <h2>
        <span className="answer-kind">{kind}</span> <span className="answer-value">{result.value}</span>
      </h2>
      {result.known ? (
        <>
          <p className="verdict">
            <span aria-hidden="true">⚠ </span>
            {t.check.known}
          </p>
          <ul>
            <li>{t.check.reported(result.reports, formatNumber(result.reports))}</li>
            {result.lastSeen && <li>{t.check.lastSeen(formatDate(result.lastSeen))}</li>}
            {result.firstSeen && formatDate(result.firstSeen) !== formatDate(result.lastSeen ?? '') && (
              <li>{t.check.firstSeen(formatDate(result.firstSeen))}</li>
            )}
            {result.crawledPages > 0 && (
              <li>
                {t.check.crawled(
                  result.crawledPages,
                  formatNumber(result.crawledPages),
                  formatNumber(result.crawledScam),
                )}
              </li>
            )}
          </ul>
        </>
      ) : (
        <>
          <p className="verdict">{t.check.unknown}</p>
          <p>{t.check.unknownHint}</p>
        </>
      )}
    </article>
  );
}
