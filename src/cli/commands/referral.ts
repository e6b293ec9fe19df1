import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { Command } from 'commander';
import { buildReferral } from '../../cases/referrals.js';
import { BlobStore } from '../../store/blobs.js';
import { auditCli, cliActor, withStore } from '../context.js';

/** `dragnet referral CASE --out DIR`: a case's referral package, written out file by file. */
export function registerReferral(program: Command): void {
  program
    .command('referral')
    .description(
      'build a referral package: PDF dossier, STIX 2.1 bundle, MISP event, CSVs, screenshots, manifest',
    )
    .argument('<case>', 'case id')
    .requiredOption('--out <dir>', 'directory to write the package into')
    .option('--recipient <name>', 'who it is for (default: the case agency)')
    .option('--personal-data', "include victims' personal data (only of victims who consented to contact)")
    .option('--zip', 'also write the package as one zip beside the files')
    .action(
      async (
        caseId: string,
        o: { out: string; recipient?: string; personalData?: boolean; zip?: boolean },
      ) => {
        await withStore(async (store, config) => {
          const agency = (
            await store.db.selectFrom('cases').select('agency').where('id', '=', caseId).executeTakeFirst()
          )?.agency;
          const recipient = o.recipient ?? agency ?? 'unnamed recipient';
          const built = await buildReferral(store.db, new BlobStore(config.dataDir, store.db), caseId, {
            recipient,
            personalData: o.personalData === true,
            producer: config.instanceName,
            actor: cliActor(),
            now: new Date(),
          });
          for (const f of built.files) {
            const file = path.join(o.out, f.name);
            mkdirSync(path.dirname(file), { recursive: true });
            writeFileSync(file, f.bytes);
          }
          if (o.zip)
            writeFileSync(
              path.join(o.out, `${built.referral.manifest.case.reference}-referral.zip`),
              built.zip,
            );
          await auditCli(store, 'referral.create', `case:${caseId}`, {
            referral: built.referral.id,
            recipient,
            personalData: built.referral.personalData,
            packageSha256: built.referral.packageSha256,
          });
          for (const f of built.referral.manifest.files) process.stdout.write(`${f.sha256}  ${f.name}\n`);
          process.stdout.write(
            `referral ${built.referral.id} for ${recipient}: ${built.files.length} files in ${o.out} (package ${built.referral.packageSha256})\n`,
          );
        });
      },
    );
}
