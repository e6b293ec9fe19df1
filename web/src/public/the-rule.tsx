import { useI18n } from './i18n/context';

/** The one rule, in large type: a real error message never shows a phone number. */
export function TheRule() {
  const { t } = useI18n();
  return (
    <aside className="the-rule" aria-labelledby="rule-title">
      <h2 id="rule-title">{t.rule.title}</h2>
      <p className="rule-text">{t.rule.text}</p>
      <p>{t.rule.advice}</p>
    </aside>
  );
}
