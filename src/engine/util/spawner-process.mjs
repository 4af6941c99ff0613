// The small process that starts programs for a big one (see spawner.ts): forking a process copies
// its page tables and makes every page it writes afterwards fault once, which for a process
// holding a few GB costs more than the program it starts. This one stays small; it forks instead.
//
// Over the IPC channel it hears { id, command, args, stdin, stdout, path, env, cwd } (path: a Unix
// socket the big process listens on, which becomes the program's stdin and/or stdout) and
// { id, kill }; it answers { id, spawned }, { id, error }, { id, stderr } and { id, exit }.
// Plain JavaScript: it runs as it is, from the sources or from a bundle.
import { spawn } from 'node:child_process';
import { connect } from 'node:net';

const running = new Map();
const send = (message) => { if (process.connected) process.send(message); };

function start({ id, command, args, stdin, stdout, env, cwd }, socket) {
  let child;
  try {
    child = spawn(command, args, { stdio: [stdin ? socket : 'ignore', stdout ? socket : 'ignore', 'pipe'], env, cwd });
  } catch (error) {
    send({ id, error: error.message });
    return;
  } finally {
    // the program holds its own copy now; this one must not read what is meant for it
    socket?.destroy();
  }
  let started = false;
  running.set(id, child);
  child.on('spawn', () => { started = true; send({ id, spawned: child.pid }); });
  child.on('error', (error) => send({ id, error: error.message }));
  child.stderr.on('data', (chunk) => send({ id, stderr: chunk.toString() }));
  child.on('close', (code, signal) => {
    running.delete(id);
    if (started) send({ id, exit: { code, signal } });
  });
}

process.on('message', (message) => {
  if (message.kill) {
    running.get(message.id)?.kill(message.kill);
    return;
  }
  if (!message.path) return start(message, null);
  const socket = connect(message.path, () => start(message, socket));
  socket.on('error', (error) => send({ id: message.id, error: error.message }));
});

// the big process is gone: so are the programs it started
process.on('disconnect', () => {
  for (const child of running.values()) child.kill('SIGKILL');
  process.exit(0);
});
