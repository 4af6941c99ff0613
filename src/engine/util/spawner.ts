/**
 * Starting a program (ffmpeg) from a process that holds a lot of memory, without forking it.
 *
 * On Linux, Node starts a program by fork + exec: the fork copies the parent's page tables, and
 * every page the parent writes afterwards faults once (copy-on-write) — for a process holding a
 * GB (a render's buffers, the models, a test's decoded frames) that costs more CPU than a small
 * ffmpeg run itself, on every spawn. So programs are started by a small helper process
 * (spawner-process.mjs), itself forked once; the program's stdin/stdout is a Unix socket this
 * process accepts, its stderr and exit come back over the helper's IPC channel.
 *
 * @example
 *   const child = await spawnViaSpawner(ffmpegPath(), args, { stdout: true });
 *   child.stdout!.on('data', …); child.on('close', (code) => …);
 *   const { stdout, stderr } = await runViaSpawner(ffprobePath(), ['-of', 'json', file]);
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { EventEmitter } from 'node:events';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer, type Socket } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const SCRIPT = fileURLToPath(new URL('./spawner-process.mjs', import.meta.url));

type Message = { id: number; spawned?: number; error?: string; stderr?: string; exit?: { code: number | null; signal: NodeJS.Signals | null } };

/** A program started by the helper: the subset of ChildProcess the encoder and decoders use. */
export class SpawnedProgram extends EventEmitter {
  pid = 0;
  /** the program's stdin and stdout, when asked for (one socket when both) */
  stdin: Socket | null = null;
  stdout: Socket | null = null;
  /** what the program wrote to stderr so far (all of it by 'exit') */
  stderr = '';
  exitCode: number | null = null;
  signalCode: NodeJS.Signals | null = null;

  constructor(private readonly id: number, private readonly helper: Helper) {
    super();
  }

  kill(signal: NodeJS.Signals = 'SIGTERM'): void {
    if (this.exitCode === null && this.signalCode === null && this.helper.process.connected) this.helper.process.send({ id: this.id, kill: signal });
  }
}

interface Helper {
  process: ChildProcess;
  /** where the per-program sockets are made */
  dir: string;
  pending: Map<number, (message: Message) => void>;
}

let helper: Helper | undefined;
let nextId = 0;

function startHelper(): Helper {
  const dir = mkdtempSync(join(tmpdir(), 'moviola-spawner-'));
  process.once('exit', () => rmSync(dir, { recursive: true, force: true }));
  const child = spawn(process.execPath, [SCRIPT], { stdio: ['ignore', 'ignore', 'inherit', 'ipc'] });
  const started: Helper = { process: child, dir, pending: new Map() };
  child.on('message', (message: Message) => started.pending.get(message.id)?.(message));
  child.on('error', () => undefined); // a send racing its exit: 'exit' below answers what is pending
  child.on('exit', () => {
    if (helper === started) helper = undefined;
    for (const hear of started.pending.values()) hear({ id: -1, error: 'the spawner process exited' });
  });
  // it neither keeps this process alive nor outlives it (it exits when the channel closes)
  child.unref();
  child.channel?.unref();
  return started;
}

/**
 * Starts the helper process now, if it is not running: the fork copies this process' page tables,
 * so it costs least early (before the models and a render's buffers are loaded) and off a clip's
 * critical path (a first spawn during a render's setup forked a GB process: ~0.3 s of main thread).
 */
export function warmSpawner(): void {
  if (!helper?.process.connected) helper = startHelper();
}

/** a Unix socket for one program: the one connection the helper makes to it, and a way to give up on it */
async function programSocket(path: string): Promise<{ connection: Promise<Socket>; close(): void }> {
  const server = createServer();
  const connection = new Promise<Socket>((resolve) => server.once('connection', (socket) => {
    server.close();
    resolve(socket);
  }));
  await new Promise<void>((resolve, reject) => server.once('error', reject).listen(path, resolve));
  return { connection, close: () => server.close() };
}

/**
 * Starts `command` through the helper; resolves once it runs (rejects when it cannot start). Its
 * stdin/stdout are a socket when asked for, else /dev/null; 'exit' and then 'close' (stdio done)
 * are emitted with (code, signal).
 */
export async function spawnViaSpawner(command: string, args: string[], options: { stdin?: boolean; stdout?: boolean; env?: NodeJS.ProcessEnv } = {}): Promise<SpawnedProgram> {
  // (a helper whose channel has closed is replaced, not written to)
  const h = helper?.process.connected ? helper : (helper = startHelper());
  const id = ++nextId;
  const program = new SpawnedProgram(id, h);
  const path = options.stdin || options.stdout ? join(h.dir, `${id}.sock`) : null;
  const socket = path ? await programSocket(path) : null;
  let exited = false;
  let socketClosed = path === null;
  const closeIfDone = () => {
    if (exited && socketClosed) program.emit('close', program.exitCode, program.signalCode);
  };
  const done = () => {
    h.pending.delete(id);
    if (h.pending.size === 0) h.process.channel?.unref();
  };
  const spawned = new Promise<void>((resolve, reject) => {
    h.pending.set(id, (message) => {
      if (message.spawned !== undefined) {
        program.pid = message.spawned;
        resolve();
      } else if (message.stderr !== undefined) {
        program.stderr += message.stderr;
      } else if (message.exit || (message.error !== undefined && program.pid)) {
        // (an error once running is the helper's end: the program is gone with it)
        done();
        exited = true;
        program.exitCode = message.exit?.code ?? null;
        program.signalCode = message.exit ? message.exit.signal : 'SIGKILL';
        if (!message.exit) program.stdin?.destroy();
        program.emit('exit', program.exitCode, program.signalCode);
        closeIfDone();
      } else if (message.error !== undefined) {
        done();
        reject(new Error(message.error));
      }
    });
  });
  h.process.channel?.ref();
  h.process.send({ id, command, args, stdin: !!options.stdin, stdout: !!options.stdout, path, env: options.env ?? process.env, cwd: process.cwd() });
  try {
    await spawned;
  } catch (error) {
    socket?.close();
    void socket?.connection.then((s) => s.destroy());
    throw error;
  }
  if (socket) {
    const connected = await socket.connection;
    if (options.stdin) program.stdin = connected;
    if (options.stdout) program.stdout = connected;
    else connected.resume(); // nothing comes; read on so its end (the program's exit) is seen
    const onClosed = () => {
      socketClosed = true;
      closeIfDone();
    };
    // a program with no output can be gone, and its socket closed, before the connection is handed
    // over here: its 'close' has passed, so ours is emitted next turn, once the caller listens
    if (connected.closed) setImmediate(onClosed);
    else connected.once('close', onClosed);
  }
  return program;
}

/** Runs `command` to its end through the helper, as execFile does: its stdout and stderr; rejects when it fails. */
export async function runViaSpawner(command: string, args: string[]): Promise<{ stdout: Buffer; stderr: string }> {
  const program = await spawnViaSpawner(command, args, { stdout: true });
  const chunks: Buffer[] = [];
  program.stdout!.on('data', (chunk: Buffer) => chunks.push(chunk));
  const [code, signal] = await new Promise<[number | null, NodeJS.Signals | null]>((resolve) => program.on('close', (c, s) => resolve([c, s])));
  if (code !== 0) throw new Error(`${command} ${args.join(' ')} failed (${signal ?? `exit ${code}`}): ${program.stderr.trim()}`);
  return { stdout: Buffer.concat(chunks), stderr: program.stderr };
}
