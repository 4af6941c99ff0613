/**
 * A private PostgreSQL cluster for one test file: `initdb` in a temp dir and `pg_ctl` on a free
 * loopback port, owned by the `postgres` user when the tests run as root (postgres refuses root).
 * Debian's postgresql package provides the binaries (`.ci/run` installs it); MOVIOLA_PG_BIN
 * points at another bin dir. Without PostgreSQL the test fails and says so — it never skips.
 *
 * @example
 *   const pg = await startPostgres();
 *   process.env.DATABASE_URL = pg.url; … await pg.restart(); … await pg.stop();
 */
import { execFile } from 'node:child_process';
import { existsSync, readdirSync } from 'node:fs';
import { chmod, mkdtemp, rm } from 'node:fs/promises';
import { createServer, type AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';

const run = promisify(execFile);

function binDir(): string {
  if (process.env.MOVIOLA_PG_BIN) return process.env.MOVIOLA_PG_BIN;
  const root = '/usr/lib/postgresql';
  const versions = existsSync(root) ? readdirSync(root).sort((a, b) => Number(b) - Number(a)) : [];
  const found = versions.map((v) => join(root, v, 'bin')).find((d) => existsSync(join(d, 'initdb')));
  if (!found) {
    throw new Error('PostgreSQL is not installed: these tests need initdb and pg_ctl (Debian: apt-get install postgresql, as .ci/run does; or set MOVIOLA_PG_BIN to their directory)');
  }
  return found;
}

export async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.address() as AddressInfo).port;
  await new Promise((resolve) => server.close(resolve));
  return port;
}

export interface TestPostgres {
  /** postgres://… of the `moviola` database */
  url: string;
  port: number;
  stop(): Promise<void>;
  /** stops the server (fast mode: connections are cut) and starts it again on the same port */
  restart(downMs?: number): Promise<void>;
}

export async function startPostgres(): Promise<TestPostgres> {
  const bin = binDir();
  const asRoot = process.getuid?.() === 0;
  const dir = await mkdtemp(join(tmpdir(), 'moviola-pg-'));
  if (asRoot) await chmod(dir, 0o777);
  const data = join(dir, 'data');
  const port = await freePort();
  const exec = (cmd: string, args: string[]) => asRoot
    ? run('runuser', ['-u', 'postgres', '--', join(bin, cmd), ...args], { cwd: dir })
    : run(join(bin, cmd), args, { cwd: dir });
  await exec('initdb', ['-D', data, '-A', 'trust', '-U', 'postgres', '--no-sync', '-E', 'UTF8']);
  const options = `-p ${port} -k ${dir} -c listen_addresses=127.0.0.1 -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_connections=200`;
  const start = () => exec('pg_ctl', ['-D', data, '-o', options, '-l', join(dir, 'log'), '-w', 'start']);
  const stop = () => exec('pg_ctl', ['-D', data, '-m', 'fast', '-w', 'stop']);
  await start();
  await exec('psql', ['-h', '127.0.0.1', '-p', String(port), '-U', 'postgres', '-c', 'CREATE DATABASE moviola']);
  return {
    url: `postgres://postgres@127.0.0.1:${port}/moviola`,
    port,
    async stop() {
      await stop().catch(() => {});
      await rm(dir, { recursive: true, force: true });
    },
    async restart(downMs = 0) {
      await stop();
      await new Promise((resolve) => setTimeout(resolve, downMs));
      await start();
    },
  };
}
