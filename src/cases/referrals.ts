import type { Kysely } from 'kysely';
import { NotFoundError } from '../core/errors.js';
import type { BlobStore } from '../store/blobs.js';
import type { Database } from '../store/schema.js';
import { loadDossier } from './load.js';
import { type Manifest, type PackageFile, referralFiles, zipPackage } from './package.js';

/** A referral package as built and stored. */
export interface Referral {
  id: string;
  caseId: string;
  recipient: string;
  personalData: boolean;
  packageSha256: string;
  manifest: Manifest;
  createdBy: string | null;
  createdAt: Date;
}

/** What building a package needs besides the case. */
export interface ReferralRequest {
  recipient: string;
  personalData: boolean;
  producer: string;
  actor: string | null;
  now: Date;
}

/**
 * Builds a case's referral package from the store: the dossier, its screenshots from the blob store, the
 * files and manifest; stores the zip as a blob (content-addressed: its name is its hash) and records it.
 */
export async function buildReferral(
  db: Kysely<Database>,
  blobs: BlobStore,
  caseId: string,
  r: ReferralRequest,
): Promise<{ referral: Referral; files: PackageFile[]; zip: Uint8Array }> {
  const dossier = await loadDossier(db, caseId, {
    recipient: r.recipient,
    personalData: r.personalData,
    now: r.now,
  });
  const screenshots = new Map<string, Buffer>();
  for (const op of dossier.operations)
    for (const c of op.captures)
      if (c.screenshotSha256 && !screenshots.has(c.screenshotSha256)) {
        const png = await blobs.get(c.screenshotSha256).catch(() => null);
        if (png) screenshots.set(c.screenshotSha256, png);
      }
  const { files, manifest } = await referralFiles(dossier, screenshots, r.producer);
  const zip = zipPackage(files);
  const stored = await blobs.put(zip, 'application/zip');
  const row = await db
    .insertInto('caseReferrals')
    .values({
      caseId,
      recipient: r.recipient,
      personalData: r.personalData,
      packageSha256: stored.sha256,
      manifest: JSON.stringify(manifest),
      createdBy: r.actor,
      createdAt: r.now,
    })
    .returningAll()
    .executeTakeFirstOrThrow();
  return { referral: { ...row, manifest: row.manifest as unknown as Manifest }, files, zip };
}

/** A case's referral packages, newest first. */
export async function listReferrals(db: Kysely<Database>, caseId: string): Promise<Referral[]> {
  const rows = await db
    .selectFrom('caseReferrals')
    .selectAll()
    .where('caseId', '=', caseId)
    .orderBy('id', 'desc')
    .execute();
  return rows.map((r) => ({ ...r, manifest: r.manifest as unknown as Manifest }));
}

/** One referral package's record. */
export async function getReferral(db: Kysely<Database>, id: string): Promise<Referral> {
  const r = await db.selectFrom('caseReferrals').selectAll().where('id', '=', id).executeTakeFirst();
  if (!r) throw new NotFoundError(`no referral ${id}`);
  return { ...r, manifest: r.manifest as unknown as Manifest };
}
