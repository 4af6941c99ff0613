/**
 * The spawner (src/engine/util/spawner.ts): programs are started by its small helper process, not
 * forked from this one, and still behave as a child process does for the encoder and the decoders:
 * stdin and stdout stream, stderr and the exit code come back, kill stops them, and a program that
 * cannot start is an error. The helper can be started ahead (the engine's warm-up does, while its
 * process is small to fork), once, and then starts the programs.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { runViaSpawner, spawnViaSpawner, warmSpawner } from '../../../src/engine/util/spawner.js';

/** this process' children running the spawner script (their pids) */
function spawnerChildren(): number[] {
  return readdirSync('/proc').filter((d) => /^\d+$/.test(d)).flatMap((d) => {
    try {
      const ppid = Number(readFileSync(`/proc/${d}/stat`, 'utf8').split(') ')[1]!.split(' ')[1]);
      return ppid === process.pid && readFileSync(`/proc/${d}/cmdline`, 'utf8').includes('spawner-process') ? [Number(d)] : [];
    } catch {
      return []; // gone meanwhile
    }
  });
}

test('warmSpawner starts the helper process now, once, and it then starts the programs', async () => {
  warmSpawner();
  const started = spawnerChildren();
  assert.equal(started.length, 1, 'one spawner process, before any program');
  warmSpawner();
  assert.deepEqual(spawnerChildren(), started, 'warming again starts no other');
  const parent = Number((await runViaSpawner('/bin/sh', ['-c', 'echo $PPID'])).stdout.toString().trim());
  assert.equal(parent, started[0], 'the warmed process starts the program');
});

test('a program is started by the helper process, not forked from this one', async () => {
  const { stdout } = await runViaSpawner('/bin/sh', ['-c', 'echo $PPID']);
  const parent = Number(stdout.toString().trim());
  assert.ok(parent > 0, `a parent pid (${stdout})`);
  assert.notEqual(parent, process.pid, 'its parent is the spawner process');
  const again = Number((await runViaSpawner('/bin/sh', ['-c', 'echo $PPID'])).stdout.toString().trim());
  assert.equal(again, parent, 'one long-lived spawner process starts them all');
});

test('stdin and stdout stream through, in order and whole', async () => {
  const program = await spawnViaSpawner('/bin/cat', [], { stdin: true, stdout: true });
  const chunks: Buffer[] = [];
  program.stdout!.on('data', (c: Buffer) => chunks.push(c));
  const sent = Buffer.alloc(8 << 20);
  for (let i = 0; i < sent.length; i++) sent[i] = (i * 7 + (i >> 13)) & 255;
  for (let at = 0; at < sent.length; at += 1 << 20) {
    await new Promise<void>((resolve, reject) => program.stdin!.write(sent.subarray(at, at + (1 << 20)), (e) => (e ? reject(e) : resolve())));
  }
  program.stdin!.end();
  const [code] = await new Promise<[number | null]>((resolve) => program.on('close', (c) => resolve([c])));
  assert.equal(code, 0);
  assert.ok(Buffer.concat(chunks).equals(sent), 'cat gave back every byte');
});

test('stderr and a failing exit code come back; a program that cannot start is an error', async () => {
  await assert.rejects(runViaSpawner('/bin/sh', ['-c', 'echo broken >&2; exit 3']), /failed \(exit 3\): broken/);
  await assert.rejects(runViaSpawner('/no/such/program', []), /ENOENT/);
  const { stdout, stderr } = await runViaSpawner('/bin/sh', ['-c', 'echo out; echo err >&2']);
  assert.equal(stdout.toString(), 'out\n');
  assert.equal(stderr, 'err\n');
});

test('a program gone before its socket is handed over is still heard to close (many in a row)', async () => {
  // with no output, the program's socket can close before spawnViaSpawner takes it: that close must not be lost
  for (let i = 0; i < 100; i++) await assert.rejects(runViaSpawner('/bin/sh', ['-c', 'exit 3']), /failed \(exit 3\)/);
});

test('kill stops a running program, with the signal reported', async () => {
  const program = await spawnViaSpawner('/bin/sleep', ['60'], { stdin: true });
  const closed = new Promise<[number | null, string | null]>((resolve) => program.on('close', (c, s) => resolve([c, s])));
  program.kill('SIGKILL');
  assert.deepEqual(await closed, [null, 'SIGKILL']);
});

test('many at once each get their own output', async () => {
  const outputs = await Promise.all(Array.from({ length: 12 }, (_, i) => runViaSpawner('/bin/sh', ['-c', `echo ${i}`])));
  assert.deepEqual(outputs.map((o) => o.stdout.toString().trim()), Array.from({ length: 12 }, (_, i) => String(i)));
});
