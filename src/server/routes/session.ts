import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { hashPassword, verifyPassword } from '../../auth/passwords.js';
import { closeSession, openSession, SESSION_HOURS } from '../../auth/sessions.js';
import { userForSignIn } from '../../auth/users.js';
import { storableText } from '../../core/report-input.js';
import { SESSION_COOKIE, UnauthorizedError } from '../auth.js';
import type { ServerContext } from '../context.js';
import { parseWith } from '../validate.js';

const signInBody = z.strictObject({
  email: storableText(320, 3),
  password: z.string().min(1).max(1024),
});

/** Sign-in attempts allowed per address and e-mail per minute (slows guessing; argon2 does the rest). */
const SIGN_IN_PER_MINUTE = 10;

const tag = { tags: ['session'] };

/** Sign-in, the current session, sign-out. */
export async function sessionRoutes(app: FastifyInstance, ctx: ServerContext): Promise<void> {
  const db = ctx.store.db;
  // Verifying against a real hash when the e-mail is unknown keeps both answers equally slow, so the
  // timing does not tell which e-mails have accounts.
  const decoy = await hashPassword('decoy password that matches nothing');

  app.post(
    '/api/session',
    {
      schema: { ...tag, summary: 'Sign in with e-mail and password; sets the session cookie.' },
      config: {
        // preHandler (set where the plugin is registered, in app.ts): the key includes the e-mail, so
        // the body must be parsed first.
        rateLimit: {
          max: SIGN_IN_PER_MINUTE,
          timeWindow: '1 minute',
          keyGenerator: (req) => {
            const email = (req.body as { email?: unknown } | undefined)?.email;
            return `${req.ip}|${typeof email === 'string' ? email.toLowerCase().slice(0, 320) : ''}`;
          },
        },
      },
    },
    async (req, reply) => {
      const body = parseWith(signInBody, req.body);
      const user = await userForSignIn(db, body.email);
      const ok = await verifyPassword(user?.passwordHash ?? decoy, body.password);
      if (!user || !ok) throw new UnauthorizedError('wrong e-mail or password');
      const session = await openSession(db, user.id, new Date());
      reply.setCookie(SESSION_COOKIE, session.token, {
        path: '/',
        httpOnly: true,
        secure: true,
        sameSite: 'strict',
        maxAge: SESSION_HOURS * 3600,
      });
      req.log.info({ user: user.email }, 'signed in');
      const { passwordHash: _, ...shown } = user;
      return { user: shown, csrfToken: session.csrfToken };
    },
  );

  app.get(
    '/api/session',
    { schema: { ...tag, summary: 'Who is signed in, and the CSRF token.' } },
    async (req) => {
      const p = req.principal;
      if (!p) throw new UnauthorizedError('not signed in');
      return {
        user: { id: p.id, email: p.email, name: p.name, role: p.role },
        csrfToken: p.csrfToken ?? null,
      };
    },
  );

  app.delete('/api/session', { schema: { ...tag, summary: 'Sign out.' } }, async (req, reply) => {
    const token = req.cookies[SESSION_COOKIE];
    if (token) await closeSession(db, token, new Date());
    reply.clearCookie(SESSION_COOKIE, { path: '/' });
    return reply.status(204).send();
  });
}
