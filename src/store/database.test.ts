import { describe, expect, it } from 'vitest';
import { isDatabaseUnavailable } from './database.js';

const withFields = (message: string, fields: Record<string, string>) =>
  Object.assign(new Error(message), fields);

describe('isDatabaseUnavailable', () => {
  it('recognises a server that went away: shutdown, restart, lost or refused connections', () => {
    for (const err of [
      withFields('terminating connection due to administrator command', { code: '57P01' }),
      withFields('the database system is shutting down', { code: '57P03' }),
      withFields('connection failure', { code: '08006' }),
      withFields('connect ECONNREFUSED 127.0.0.1:5432', { code: 'ECONNREFUSED', syscall: 'connect' }),
      withFields('connect ENOENT /tmp/pg/.s.PGSQL.5432', { code: 'ENOENT', syscall: 'connect' }),
      withFields('read ECONNRESET', { code: 'ECONNRESET', syscall: 'read' }),
      withFields('write EPIPE', { code: 'EPIPE', syscall: 'write' }),
      new Error('Connection terminated unexpectedly'),
      new Error('Client has encountered a connection error and is not queryable'),
    ])
      expect(isDatabaseUnavailable(err), err.message).toBe(true);
  });

  it('leaves wrong queries, broken data and other failures alone', () => {
    for (const err of [
      withFields('duplicate key value violates unique constraint', { code: '23505' }),
      withFields('syntax error at or near "SELEC"', { code: '42601' }),
      withFields("ENOENT: no such file or directory, open 'blobs/ab/cd'", {
        code: 'ENOENT',
        syscall: 'open',
      }),
      new Error('Cannot use a pool after calling end on the pool'),
      new TypeError("Cannot read properties of undefined (reading 'id')"),
    ])
      expect(isDatabaseUnavailable(err), err.message).toBe(false);
    expect(isDatabaseUnavailable('Connection terminated')).toBe(false);
  });
});
