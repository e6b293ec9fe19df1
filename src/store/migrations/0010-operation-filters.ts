import { type Kysely, sql } from 'kysely';

/**
 * The operation list's filters (brand, channel, payment method, victims' country) as one array of
 * `facet:value` keys under a GIN index: with a million reports the list no longer reads every operation's
 * summary to filter it. Kept with the summary; filled here from the summaries already written.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`ALTER TABLE operations ADD COLUMN filter_keys text[] NOT NULL DEFAULT '{}'`.execute(db);
  const keys = (facet: string, path: string) =>
    sql`SELECT ${sql.lit(`${facet}:`)} || (t->>'value')
        FROM jsonb_array_elements(coalesce(summary #> ${sql.lit(path)}, '[]'::jsonb)) t`;
  await sql`
    UPDATE operations SET filter_keys = ARRAY(
      ${keys('brand', '{profile,modusOperandi,brands}')}
      UNION ALL ${keys('channel', '{profile,modusOperandi,channels}')}
      UNION ALL ${keys('payment', '{profile,modusOperandi,paymentMethods}')}
      UNION ALL ${keys('country', '{profile,targets,victimCountries}')})
    WHERE summary ? 'profile'`.execute(db);
  await sql`CREATE INDEX operations_filter_keys_idx ON operations USING gin (filter_keys)`.execute(db);
}

/** Forward-only. */
export async function down(): Promise<void> {
  throw new Error('Dragnet migrations are forward-only');
}
