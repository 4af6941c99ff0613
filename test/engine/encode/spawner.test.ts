/**
 * The spawner (src/engine/util/spawner.ts): programs are started by its small helper process, not
 * forked from this one, and still behave as a child process does for the encoder and the decoders:
 * stdin and stdout stream, stderr and the exit code come back, kill stops them, and a program that
 * cannot start is an error.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { runViaSpawner, spawnViaSpawner } from '../../../src/engine/util/spawner.js';

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
