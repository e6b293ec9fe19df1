import { type ReactNode, useEffect } from 'react';
import { Link } from 'react-router';
import { useI18n } from './i18n/context';
import { DICTIONARIES, LANGUAGES } from './i18n/languages';

/** The portal's frame: skip link, name, language switcher, and the page's main landmark. */
export function PortalLayout({ title, children }: { title: string; children: ReactNode }) {
  const { t, language, setLanguage } = useI18n();
  useEffect(() => {
    document.title = `${title} – ${t.siteName}`;
  }, [title, t.siteName]);
  return (
    <div className="portal">
      <a className="skip-link" href="#main">
        {t.skipToContent}
      </a>
      <header className="portal-top">
        <Link to="/" className="portal-brand">
          <span className="portal-name">{t.siteName}</span>
          <span className="portal-tagline">{t.tagline}</span>
        </Link>
        <nav className="languages" aria-label={t.languageLabel}>
          {LANGUAGES.map((code) => (
            <button
              key={code}
              type="button"
              lang={code}
              className={code === language ? 'language current' : 'language'}
              aria-pressed={code === language}
              onClick={() => setLanguage(code)}
            >
              {DICTIONARIES[code].languageName}
            </button>
          ))}
        </nav>
      </header>
      <main id="main" tabIndex={-1} className="portal-main">
        {children}
      </main>
    </div>
  );
}
