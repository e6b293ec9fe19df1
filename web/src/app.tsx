import { lazy, type ReactNode, Suspense } from 'react';
import { BrowserRouter, Navigate, NavLink, Route, Routes, useLocation } from 'react-router';
import { AuditPage } from './pages/audit';
import { CasePage } from './pages/case';
import { CasesPage } from './pages/cases';
import { ExclusionsPage } from './pages/exclusions';
import { OperationPage } from './pages/operation';
import { OperationsPage } from './pages/operations';
import { PopupsPage } from './pages/popups';
import { SharingPage } from './pages/sharing';
import { SignInPage } from './pages/sign-in';
import { TriagePage } from './pages/triage';
import { type Role, SessionProvider, useRoleAllows, useSession } from './session';

/** The public portal (victims: report, check), loaded only by those who visit it. */
const PublicSite = lazy(() => import('./public/site'));

const publicSite = (page: 'home' | 'report' | 'check') => (
  <Suspense
    fallback={
      <main className="centered" aria-busy="true">
        <p>…</p>
      </main>
    }
  >
    <PublicSite page={page} />
  </Suspense>
);

/**
 * Two apps in one build: the public portal at /, /report and /check (no sign-in, no session), and the
 * analyst's workbench everywhere else (sign-in, then triage, operations, cases, popups and exclusions; sharing
 * and the audit log for admins; operations only for partners).
 */
export function App() {
  return (
    <BrowserRouter>
      <Routes>
        <Route path="/" element={publicSite('home')} />
        <Route path="/report/*" element={publicSite('report')} />
        <Route path="/check" element={publicSite('check')} />
        <Route
          path="*"
          element={
            <SessionProvider>
              <Shell />
            </SessionProvider>
          }
        />
      </Routes>
    </BrowserRouter>
  );
}

/** The main navigation, each entry with the least role whose pages it opens (partners: operations only). */
const NAV: Array<{ to: string; label: string; needs: Role }> = [
  { to: '/triage', label: 'Triage', needs: 'analyst' },
  { to: '/operations', label: 'Operations', needs: 'partner' },
  { to: '/cases', label: 'Cases', needs: 'analyst' },
  { to: '/popups', label: 'Popups', needs: 'analyst' },
  { to: '/exclusions', label: 'Exclusions', needs: 'analyst' },
  { to: '/sharing', label: 'Sharing', needs: 'admin' },
  { to: '/audit', label: 'Audit', needs: 'admin' },
];

function NavEntry({ to, label, needs }: { to: string; label: string; needs: Role }) {
  return useRoleAllows(needs) ? <NavLink to={to}>{label}</NavLink> : null;
}

const team = (page: ReactNode) => <Allowed needs="analyst">{page}</Allowed>;
const admins = (page: ReactNode) => <Allowed needs="admin">{page}</Allowed>;

/** A page only `needs` (and above) may use; others are told so instead of meeting the API's refusals. */
function Allowed({ needs, children }: { needs: Role; children: ReactNode }) {
  if (useRoleAllows(needs)) return children;
  return <p className="error">This page is for {needs === 'admin' ? 'admins' : 'analysts'} only.</p>;
}

function Shell() {
  const { user, signOut } = useSession();
  const location = useLocation();
  if (user === undefined)
    return (
      <main className="centered" aria-busy="true">
        <p>Loading…</p>
      </main>
    );
  if (user === null) {
    if (location.pathname !== '/signin') return <Navigate to="/signin" replace state={{ from: location }} />;
    return <SignInPage />;
  }
  return (
    <>
      <a className="skip-link" href="#main">
        Skip to content
      </a>
      <header className="top">
        <NavLink to="/operations" className="brand">
          Dragnet
        </NavLink>
        <nav aria-label="Main">
          {NAV.map((n) => (
            <NavEntry key={n.to} {...n} />
          ))}
        </nav>
        <span className="who">
          {user.name} ({user.role})
          <button type="button" className="link" onClick={() => void signOut()}>
            Sign out
          </button>
        </span>
      </header>
      <main id="main" tabIndex={-1}>
        <Routes>
          <Route path="/signin" element={<Navigate to="/operations" replace />} />
          <Route path="/triage" element={team(<TriagePage />)} />
          <Route path="/operations" element={<OperationsPage />} />
          <Route path="/operations/:id" element={<OperationPage />} />
          <Route path="/cases" element={team(<CasesPage />)} />
          <Route path="/cases/:id" element={team(<CasePage />)} />
          <Route path="/popups" element={team(<PopupsPage />)} />
          <Route path="/exclusions" element={team(<ExclusionsPage />)} />
          <Route path="/sharing" element={admins(<SharingPage />)} />
          <Route path="/audit" element={admins(<AuditPage />)} />
          <Route path="*" element={<p>No such page.</p>} />
        </Routes>
      </main>
    </>
  );
}
