import type { Command } from 'commander';
import { generatePassword } from '../../auth/passwords.js';
import { USER_ROLES, type UserRole } from '../../auth/roles.js';
import { addUser, listUsers } from '../../auth/users.js';
import { UsageError } from '../../core/errors.js';
import { auditCli, withStore } from '../context.js';

async function readStdin(): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const c of process.stdin) chunks.push(c as Buffer);
  return Buffer.concat(chunks)
    .toString('utf8')
    .replace(/\r?\n$/, '');
}

/** `dragnet user add|list`: the people who sign in to the workbench. */
export function registerUser(program: Command): void {
  const user = program.command('user').description('manage the people who sign in to the workbench');
  user
    .command('add')
    .description('add a user; prints a generated password unless --password-stdin gives one')
    .argument('<email>', 'e-mail address (the sign-in name)')
    .requiredOption('--name <name>', 'display name')
    .option('--role <role>', `one of ${USER_ROLES.join(', ')}`, 'analyst')
    .option('--password-stdin', 'read the password from standard input (at least 12 characters)')
    .action(async (email: string, opts: { name: string; role: string; passwordStdin?: boolean }) => {
      if (!USER_ROLES.includes(opts.role as UserRole))
        throw new UsageError(`--role takes ${USER_ROLES.join(', ')}; got ${opts.role}`);
      const password = opts.passwordStdin ? await readStdin() : generatePassword();
      await withStore(async (store) => {
        const u = await addUser(store.db, { email, name: opts.name, role: opts.role as UserRole, password });
        await auditCli(store, 'user.add', `user:${u.id}`, { email: u.email, role: u.role });
        process.stdout.write(`added ${u.email} (${u.role})\n`);
        if (!opts.passwordStdin) process.stdout.write(`password: ${password}\n(shown once; store it now)\n`);
      });
    });
  user
    .command('list')
    .description('list users')
    .action(async () => {
      await withStore(async (store) => {
        for (const u of await listUsers(store.db))
          process.stdout.write(`${u.email}\t${u.role}\t${u.name}${u.disabled ? '\t(disabled)' : ''}\n`);
      });
    });
}
