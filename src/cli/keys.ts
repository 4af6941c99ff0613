/**
 * `moviola keys create | list | revoke | top-up | rotate` — accounts and API keys in the data dir.
 * Keys are printed once and stored hashed; a key's id (for revoke/rotate) is the first 12 hex
 * characters of its hash, shown by `list`. Balances are dollars from 0 to 1,000,000 with cents.
 */
import type { Command } from 'commander';
import type { TaskStore } from '../tasks/types.js';

const DATA_DIR_HELP = 'state directory (env MOVIOLA_DATA_DIR, default ./data)';

/** a refused command line: message on stderr, exit code 2 */
class UsageError extends Error {}

async function withStore(dataDir: string | undefined, action: (store: TaskStore) => Promise<void>): Promise<void> {
  const { configFromEnv } = await import('../api/config.js');
  const { openDataDir } = await import('../tasks/open-data-dir.js');
  const config = configFromEnv(dataDir ? { ...process.env, MOVIOLA_DATA_DIR: dataDir } : process.env);
  const { store } = await openDataDir(config.dataDir, undefined, { databaseUrl: config.databaseUrl, storageUrl: config.storageUrl });
  try {
    await action(store);
  } finally {
    await store.close();
  }
}

function run(command: string, body: () => Promise<void>): Promise<void> {
  return body().catch((error) => {
    if (!(error instanceof UsageError)) throw error;
    process.stderr.write(`moviola keys ${command}: ${error.message}\n`);
    process.exitCode = 2;
  });
}

async function dollars(text: string, field: string): Promise<number> {
  const { parseDollars } = await import('../tasks/keys/money-bounds.js');
  const parsed = parseDollars(text, field);
  if ('error' in parsed) throw new UsageError(parsed.error);
  return parsed.micros;
}

const money = (micros: number) => `$${(micros / 1_000_000).toFixed(2)}`;

/** a key given in full (mvl_…) or by its id (a hash prefix of at least 8 hex characters, unique) */
async function findKey(store: TaskStore, given: string) {
  const { hashKey } = await import('../tasks/api-keys.js');
  const keys = await store.listKeys();
  if (given.startsWith('mvl_')) {
    const hash = hashKey(given);
    const hit = keys.find((k) => k.keyHash === hash);
    if (!hit) throw new UsageError(`no such key (a key is "mvl_…" or a key id from "moviola keys list")`);
    return hit;
  }
  if (!/^[0-9a-f]{8,64}$/.test(given)) throw new UsageError(`"${given}" is neither a key (mvl_…) nor a key id (8+ hex characters from "moviola keys list")`);
  const hits = keys.filter((k) => k.keyHash.startsWith(given));
  if (hits.length === 0) throw new UsageError(`no key with id "${given}" (see "moviola keys list")`);
  if (hits.length > 1) throw new UsageError(`key id "${given}" matches ${hits.length} keys; give more characters`);
  return hits[0]!;
}

export function registerKeys(program: Command): void {
  const keys = program.command('keys').description('manage accounts and API keys: create | list | revoke | top-up | rotate')
    .addHelpText('after', `
Examples:
  $ moviola keys create --name alice --balance 100
  $ moviola keys list
  $ moviola keys top-up 3f9a0c1b2d4e --amount 25.50
  $ moviola keys rotate 3f9a0c1b2d4e
  $ moviola keys revoke 3f9a0c1b2d4e`);

  keys.command('create')
    .description('create an account with a starting balance and print its new API key')
    .requiredOption('--name <name>', 'a name for the account')
    .option('--balance <dollars>', 'starting balance in dollars, 0 to 1000000 with cents', '100')
    .option('--data-dir <dir>', DATA_DIR_HELP)
    .addHelpText('after', `
Examples:
  $ moviola keys create --name alice                # $100 to start
  $ moviola keys create --name ci --balance 5 --data-dir /srv/moviola

The key is printed once on stdout; only its hash is stored.`)
    .action((options: { name: string; balance: string; dataDir?: string }) => run('create', async () => {
      const micros = await dollars(options.balance, '--balance');
      const { createAccountWithKey } = await import('../tasks/api-keys.js');
      await withStore(options.dataDir, async (store) => {
        const { key } = await createAccountWithKey(store, options.name, micros / 1_000_000);
        process.stdout.write(`${key}\n`);
        process.stderr.write(`created account "${options.name}" with ${money(micros)}; the key above is shown only this once\n`);
      });
    }));

  keys.command('list')
    .description('list keys (by id, never the key itself) with their accounts and balances')
    .option('--json', 'one JSON array on stdout')
    .option('--data-dir <dir>', DATA_DIR_HELP)
    .action((options: { json?: boolean; dataDir?: string }) => run('list', () => withStore(options.dataDir, async (store) => {
      const list = await store.listKeys();
      if (options.json) {
        process.stdout.write(`${JSON.stringify(list.map((k) => ({
          key_id: k.keyId, name: k.keyName, account_id: k.accountId, account: k.accountName, balance: k.balanceMicros / 1_000_000, created_at: k.createdAt.toISOString(),
        })))}\n`);
        return;
      }
      process.stdout.write('KEY ID        ACCOUNT                           BALANCE        CREATED\n');
      for (const k of list) {
        process.stdout.write(`${k.keyId}  ${k.accountName.slice(0, 32).padEnd(32)}  ${money(k.balanceMicros).padStart(13)}  ${k.createdAt.toISOString()}\n`);
      }
    })));

  keys.command('revoke')
    .description('revoke a key: the next request with it gets 401 (the account and balance stay)')
    .argument('<key>', 'the key (mvl_…) or its id from "keys list"')
    .option('--data-dir <dir>', DATA_DIR_HELP)
    .action((given: string, options: { dataDir?: string }) => run('revoke', () => withStore(options.dataDir, async (store) => {
      const key = await findKey(store, given);
      await store.revokeKey(key.keyHash);
      process.stderr.write(`revoked key ${key.keyId} of account "${key.accountName}"\n`);
    })));

  keys.command('rotate')
    .description('replace a key: prints a new key for the same account; the old one is revoked')
    .argument('<key>', 'the key (mvl_…) or its id from "keys list"')
    .option('--data-dir <dir>', DATA_DIR_HELP)
    .action((given: string, options: { dataDir?: string }) => run('rotate', () => withStore(options.dataDir, async (store) => {
      const { hashKey, newApiKey } = await import('../tasks/api-keys.js');
      const key = await findKey(store, given);
      const fresh = newApiKey();
      if (!(await store.rotateKey(key.keyHash, hashKey(fresh)))) throw new UsageError(`key ${key.keyId} was revoked meanwhile`);
      process.stdout.write(`${fresh}\n`);
      process.stderr.write(`rotated key ${key.keyId} of account "${key.accountName}"; the old key no longer works, the new one above is shown only this once\n`);
    })));

  keys.command('top-up')
    .description('add dollars to the account of a key (the balance stays at most 1000000)')
    .argument('<key>', 'the key (mvl_…) or its id from "keys list"')
    .requiredOption('--amount <dollars>', 'dollars to add, with cents')
    .option('--data-dir <dir>', DATA_DIR_HELP)
    .action((given: string, options: { amount: string; dataDir?: string }) => run('top-up', async () => {
      const micros = await dollars(options.amount, '--amount');
      const { MAX_BALANCE_MICROS } = await import('../tasks/keys/money-bounds.js');
      await withStore(options.dataDir, async (store) => {
        const key = await findKey(store, given);
        const outcome = await store.topUp(key.accountId, micros, MAX_BALANCE_MICROS);
        if ('notFound' in outcome) throw new UsageError(`the account of key ${key.keyId} no longer exists`);
        if ('over' in outcome) throw new UsageError(`--amount: ${money(micros)} would take the balance of ${money(outcome.balanceMicros)} over ${money(MAX_BALANCE_MICROS)}`);
        process.stdout.write(`${(outcome.balanceMicros / 1_000_000).toFixed(2)}\n`);
        process.stderr.write(`account "${key.accountName}": balance now ${money(outcome.balanceMicros)}\n`);
      });
    }));
}
