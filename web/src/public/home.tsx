import { Link } from 'react-router';
import { useI18n } from './i18n/context';
import { TheRule } from './the-rule';

/** Home: two big choices (report, check), the one rule in large type, and the analysts' door. */
export function HomePage() {
  const { t } = useI18n();
  return (
    <div className="home">
      <h1>{t.home.title}</h1>
      <p className="intro">{t.home.intro}</p>
      <ul className="big-choices">
        <li>
          <Link to="/report" className="big-choice report-choice">
            <span className="choice-title">{t.home.report}</span>
            <span className="choice-hint">{t.home.reportHint}</span>
          </Link>
        </li>
        <li>
          <Link to="/check" className="big-choice check-choice">
            <span className="choice-title">{t.home.check}</span>
            <span className="choice-hint">{t.home.checkHint}</span>
          </Link>
        </li>
      </ul>
      <TheRule />
      <p className="analysts">
        <a href="/signin">{t.home.analysts}</a>
      </p>
    </div>
  );
}
