import { CheckPage } from './check/check-page';
import { HomePage } from './home';
import { I18nProvider, useI18n } from './i18n/context';
import { PortalLayout } from './layout';
import { ReportPage } from './report/report-page';
import './public.css';

/** Which public page to show; App's router picks it from the path. */
export type PublicPage = 'home' | 'report' | 'check';

/**
 * The public portal for victims: home, the guided report form and "check a number or a website", in
 * English, French, German, Spanish and Japanese. No session: it never uses the workbench's sign-in.
 */
export default function PublicSite({ page }: { page: PublicPage }) {
  return (
    <I18nProvider>
      <Page page={page} />
    </I18nProvider>
  );
}

function Page({ page }: { page: PublicPage }) {
  const { t } = useI18n();
  const titles: Record<PublicPage, string> = { home: t.tagline, report: t.form.title, check: t.check.title };
  return (
    <PortalLayout title={titles[page]}>
      {page === 'home' && <HomePage />}
      {page === 'report' && <ReportPage />}
      {page === 'check' && <CheckPage />}
    </PortalLayout>
  );
}
