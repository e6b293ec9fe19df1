import { lazy, Suspense } from 'react';
import { BrowserRouter, Navigate, NavLink, Route, Routes, useLocation } from 'react-router';
import { ExclusionsPage } from './pages/exclusions';
import { OperationPage } from './pages/operation';
import { OperationsPage } from './pages/operations';
import { PopupsPage } from './pages/popups';
import { SignInPage } from './pages/sign-in';
import { TriagePage } from './pages/triage';
import { SessionProvider, useSession } from './session';

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
 * analyst's workbench everywhere else (sign-in, then triage, operations, popups and exclusions).
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
          <NavLink to="/triage">Triage</NavLink>
          <NavLink to="/operations">Operations</NavLink>
          <NavLink to="/popups">Popups</NavLink>
          <NavLink to="/exclusions">Exclusions</NavLink>
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
          <Route path="/triage" element={<TriagePage />} />
          <Route path="/operations" element={<OperationsPage />} />
          <Route path="/operations/:id" element={<OperationPage />} />
          <Route path="/popups" element={<PopupsPage />} />
          <Route path="/exclusions" element={<ExclusionsPage />} />
          <Route path="*" element={<p>No such page.</p>} />
        </Routes>
      </main>
    </>
  );
}
