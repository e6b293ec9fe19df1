import { createContext, type ReactNode, useCallback, useContext, useEffect, useState } from 'react';
import { roleAllows } from '../../src/auth/roles';
import { ApiError, api, setCsrfToken } from './api';

/** A workbench role: admins do everything, analysts investigate, partners read shared intelligence. */
export type Role = 'admin' | 'analyst' | 'partner';

/** The signed-in user. */
export interface User {
  id: string;
  email: string;
  name: string;
  role: Role;
}

interface SessionAnswer {
  user: User;
  csrfToken: string;
}

interface SessionState {
  user: User | null | undefined;
  signIn(email: string, password: string): Promise<void>;
  signOut(): Promise<void>;
}

const SessionContext = createContext<SessionState | null>(null);

/** Holds who is signed in; `user` is undefined while the server is asked, null when signed out. */
export function SessionProvider({ children }: { children: ReactNode }) {
  const [user, setUser] = useState<User | null | undefined>(undefined);
  useEffect(() => {
    api<SessionAnswer>('/api/session')
      .then((s) => {
        setCsrfToken(s.csrfToken);
        setUser(s.user);
      })
      .catch((e: unknown) => {
        if (!(e instanceof ApiError) || e.status !== 401) console.error(e);
        setUser(null);
      });
  }, []);
  const signIn = useCallback(async (email: string, password: string) => {
    const s = await api<SessionAnswer>('/api/session', { method: 'POST', body: { email, password } });
    setCsrfToken(s.csrfToken);
    setUser(s.user);
  }, []);
  const signOut = useCallback(async () => {
    await api('/api/session', { method: 'DELETE' });
    setCsrfToken(undefined);
    setUser(null);
  }, []);
  return <SessionContext.Provider value={{ user, signIn, signOut }}>{children}</SessionContext.Provider>;
}

/** The session of the surrounding SessionProvider. */
export function useSession(): SessionState {
  const s = useContext(SessionContext);
  if (!s) throw new Error('useSession outside SessionProvider');
  return s;
}

/** Whether the signed-in user may do what `needed` may (the server's rule: admin ⊃ analyst ⊃ partner). */
export function useRoleAllows(needed: Role): boolean {
  const { user } = useSession();
  return !!user && roleAllows(user.role, needed);
}
