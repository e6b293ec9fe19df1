import { BrowserRouter, Navigate, NavLink, Route, Routes, useLocation } from 'react-router';
import { ExclusionsPage } from './pages/exclusions';
import { OperationPage } from './pages/operation';
import { OperationsPage } from './pages/operations';
import { PopupsPage } from './pages/popups';
import { SignInPage } from './pages/sign-in';
import { TriagePage } from './pages/triage';
import { SessionProvider, useSession } from './session';

/** The analyst's workbench: sign-in, then triage, operations, popups and exclusions. */
export function App() {
  return (
    <SessionProvider>
      <BrowserRouter>
        <Shell />
      </BrowserRouter>
    </SessionProvider>
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
        <span className="brand">Dragnet</span>
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
          <Route path="/" element={<Navigate to="/operations" replace />} />
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
