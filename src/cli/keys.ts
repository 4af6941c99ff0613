/** `moviola keys create --name N --balance 100` — a new account and API key (printed once, stored hashed). */
import type { Command } from 'commander';

export function registerKeys(program: Command): void {
  const keys = program.command('keys').description('manage API keys')
    .addHelpText('after', `
Examples:
  $ moviola keys create --name alice --balance 100`);
  keys.command('create')
    .description('create an account with a starting balance and print its new API key')
    .requiredOption('--name <name>', 'a name for the account')
    .option('--balance <dollars>', 'starting balance in dollars', '100')
    .option('--data-dir <dir>', 'state directory (env MOVIOLA_DATA_DIR, default ./data)')
    .addHelpText('after', `
Examples:
  $ moviola keys create --name alice                # $100 to start
  $ moviola keys create --name ci --balance 5 --data-dir /srv/moviola

The key is printed once on stdout; only its hash is stored.`)
    .action(async (options: { name: string; balance: string; dataDir?: string }) => {
      const balance = Number(options.balance);
      if (!Number.isFinite(balance) || balance < 0) {
        process.stderr.write(`moviola keys create: --balance must be a non-negative number of dollars (got "${options.balance}")\n`);
        process.exitCode = 2;
        return;
      }
      const { configFromEnv } = await import('../api/config.js');
      const { openDataDir } = await import('../tasks/open-data-dir.js');
      const { createAccountWithKey } = await import('../tasks/api-keys.js');
      const config = configFromEnv(options.dataDir ? { ...process.env, MOVIOLA_DATA_DIR: options.dataDir } : process.env);
      const { store } = await openDataDir(config.dataDir, undefined, { databaseUrl: config.databaseUrl, storageUrl: config.storageUrl });
      try {
        const { key } = await createAccountWithKey(store, options.name, balance);
        process.stdout.write(`${key}\n`);
        process.stderr.write(`created account "${options.name}" with $${balance}; the key above is shown only this once\n`);
      } finally {
        await store.close();
      }
    });
}
