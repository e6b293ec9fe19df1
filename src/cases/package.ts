import { createHash } from 'node:crypto';
import { strToU8, zipSync } from 'fflate';
import { toMispEvent } from './misp/event.js';
import { renderDossierPdf } from './pdf/render.js';
import { referralTables } from './referral-csv.js';
import { toStixBundle } from './stix/export.js';
import type { Dossier } from './types.js';

/** One file of a referral package. */
export interface PackageFile {
  name: string;
  bytes: Uint8Array;
  mediaType: string;
}

/** The manifest: what the package is, and the SHA-256 of every other file in it. */
export interface Manifest {
  package: 'dragnet-referral';
  version: 1;
  case: { reference: string; title: string; status: string; tlp: string };
  generatedAt: string;
  recipient: { name: string; personalData: boolean };
  producer: string;
  operations: string[];
  victims: number;
  files: Array<{ name: string; sha256: string; bytes: number; mediaType: string }>;
}

const sha256 = (b: Uint8Array) => createHash('sha256').update(b).digest('hex');

/**
 * The files of a referral package (no I/O: screenshots are given by hash): the PDF dossier, the same
 * facts as a STIX 2.1 bundle, a MISP event and CSV tables, each crawled screenshot under its own hash, and
 * `manifest.json` with the SHA-256 of every other file. Deterministic for the same dossier.
 */
export async function referralFiles(
  dossier: Dossier,
  screenshots: Map<string, Buffer>,
  producer: string,
): Promise<{ files: PackageFile[]; manifest: Manifest }> {
  const now = new Date(dossier.generatedAt);
  const json = (v: unknown) => strToU8(`${JSON.stringify(v, null, 2)}\n`);
  const files: PackageFile[] = [
    {
      name: 'dossier.pdf',
      bytes: await renderDossierPdf(dossier, { screenshots }),
      mediaType: 'application/pdf',
    },
    {
      name: 'stix-bundle.json',
      bytes: json(toStixBundle(dossier.operations, { now, producer })),
      mediaType: 'application/stix+json;version=2.1',
    },
    {
      name: 'misp-event.json',
      bytes: json(
        toMispEvent(dossier.operations, {
          now,
          producer,
          info: `${dossier.case.reference}: ${dossier.case.title}`,
        }),
      ),
      mediaType: 'application/json',
    },
    ...Object.entries(referralTables(dossier)).map(([name, text]) => ({
      name,
      bytes: strToU8(text),
      mediaType: 'text/csv; charset=utf-8',
    })),
  ];
  const shots = new Set(dossier.operations.flatMap((o) => o.captures.map((c) => c.screenshotSha256)));
  for (const hash of [...shots].filter((h): h is string => h !== null).sort()) {
    const png = screenshots.get(hash);
    if (png) files.push({ name: `screenshots/${hash}.png`, bytes: png, mediaType: 'image/png' });
  }
  const manifest: Manifest = {
    package: 'dragnet-referral',
    version: 1,
    case: {
      reference: dossier.case.reference,
      title: dossier.case.title,
      status: dossier.case.status,
      tlp: dossier.case.tlp,
    },
    generatedAt: dossier.generatedAt,
    recipient: dossier.recipient,
    producer,
    operations: dossier.operations.map((o) => o.id),
    victims: dossier.victims.length,
    files: files.map((f) => ({
      name: f.name,
      sha256: sha256(f.bytes),
      bytes: f.bytes.length,
      mediaType: f.mediaType,
    })),
  };
  files.push({ name: 'manifest.json', bytes: json(manifest), mediaType: 'application/json' });
  return { files, manifest };
}

/** The package as one zip (stored with a fixed date, so the same files give the same bytes). */
export function zipPackage(files: PackageFile[]): Uint8Array {
  const mtime = new Date('2000-01-01T00:00:00Z');
  return zipSync(
    Object.fromEntries(
      files.map((f) => [f.name, [f.bytes, { mtime, level: f.mediaType === 'image/png' ? 0 : 6 }]]),
    ),
  );
}

/** Checks a package's files against its manifest: the names missing, extra or whose hash differs. */
export function checkManifest(files: PackageFile[], manifest: Manifest): string[] {
  const problems: string[] = [];
  const byName = new Map(files.filter((f) => f.name !== 'manifest.json').map((f) => [f.name, f]));
  for (const m of manifest.files) {
    const f = byName.get(m.name);
    if (!f) problems.push(`${m.name} is missing`);
    else if (sha256(f.bytes) !== m.sha256) problems.push(`${m.name} does not match its SHA-256`);
    byName.delete(m.name);
  }
  for (const name of byName.keys()) problems.push(`${name} is not in the manifest`);
  return problems;
}
