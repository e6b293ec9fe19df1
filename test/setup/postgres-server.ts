import type { TestProject } from 'vitest/node';
import { startPgServer } from '../helpers/pg-server.js';

/**
 * Starts a throwaway PostgreSQL 15 server for the test run and stops it afterwards; storage tests run on
 * it and on PGlite. Set DRAGNET_TEST_DATABASE_URL to use a server of your own instead.
 */
export default function setup(project: TestProject): () => void {
  const own = process.env.DRAGNET_TEST_DATABASE_URL;
  if (own) {
    project.provide('postgresUrl', own);
    return () => {};
  }
  const server = startPgServer(54329);
  project.provide('postgresUrl', server.url);
  return () => server.stop();
}

declare module 'vitest' {
  export interface ProvidedContext {
    postgresUrl: string;
  }
}
