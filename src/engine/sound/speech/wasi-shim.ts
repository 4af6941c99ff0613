/**
 * A minimal WASI (preview1) host for Flite, in memory: the program's arguments, one preopened
 * directory whose files live in JS buffers, stdout/stderr discarded, a clock and proc_exit.
 *
 * Why not node:wasi: it is experimental in Node 20 and caches the module's memory when the
 * program starts, so a program that grows its memory while running (Flite does, for longer
 * lines) can write through a stale pointer and crash the process (nodejs/node#52402). This host
 * reads the memory afresh on every call and needs no temporary files.
 *
 * @example
 *   const files = new Map<string, Uint8Array>();
 *   const code = runWasi(module, ['flite', '-t', 'Hello', 'out.wav'], files);
 *   files.get('out.wav') // the WAV Flite wrote
 */
const ESUCCESS = 0, EBADF = 8, EINVAL = 28, ENOENT = 44;
const PREOPEN_FD = 3;

class Exit {
  constructor(readonly code: number) {}
}

interface OpenFile { name: string; data: Uint8Array; size: number; position: number }

export function runWasi(module: WebAssembly.Module, args: string[], files: Map<string, Uint8Array>): number {
  let memory: WebAssembly.Memory | null = null;
  const view = () => new DataView(memory!.buffer);
  const bytes = () => new Uint8Array(memory!.buffer);
  const encoded = args.map((a) => new TextEncoder().encode(`${a}\0`));
  const open = new Map<number, OpenFile>();
  let nextFd = PREOPEN_FD + 1;

  const write = (file: OpenFile, chunk: Uint8Array) => {
    const end = file.position + chunk.length;
    if (end > file.data.length) {
      const grown = new Uint8Array(Math.max(end, file.data.length * 2, 65536));
      grown.set(file.data.subarray(0, file.size));
      file.data = grown;
    }
    file.data.set(chunk, file.position);
    file.position = end;
    file.size = Math.max(file.size, end);
  };

  const wasi = {
    args_sizes_get(countPtr: number, sizePtr: number) {
      view().setUint32(countPtr, encoded.length, true);
      view().setUint32(sizePtr, encoded.reduce((n, a) => n + a.length, 0), true);
      return ESUCCESS;
    },
    args_get(argvPtr: number, bufPtr: number) {
      let offset = bufPtr;
      encoded.forEach((a, i) => {
        view().setUint32(argvPtr + 4 * i, offset, true);
        bytes().set(a, offset);
        offset += a.length;
      });
      return ESUCCESS;
    },
    clock_time_get(_id: number, _precision: bigint, timePtr: number) {
      view().setBigUint64(timePtr, BigInt(Date.now()) * 1000000n, true);
      return ESUCCESS;
    },
    fd_prestat_get(fd: number, ptr: number) {
      if (fd !== PREOPEN_FD) return EBADF;
      view().setUint8(ptr, 0); // a directory
      view().setUint32(ptr + 4, 1, true); // its name, ".", is one byte
      return ESUCCESS;
    },
    fd_prestat_dir_name(fd: number, ptr: number, len: number) {
      if (fd !== PREOPEN_FD || len < 1) return EBADF;
      bytes()[ptr] = 0x2e; // "."
      return ESUCCESS;
    },
    fd_fdstat_get(fd: number, ptr: number) {
      const type = fd <= 2 ? 2 : fd === PREOPEN_FD ? 3 : open.has(fd) ? 4 : -1; // char device, directory, regular file
      if (type < 0) return EBADF;
      const v = view();
      v.setUint8(ptr, type);
      v.setUint16(ptr + 2, 0, true);
      v.setBigUint64(ptr + 8, 0xffffffffffffffffn, true);
      v.setBigUint64(ptr + 16, 0xffffffffffffffffn, true);
      return ESUCCESS;
    },
    fd_fdstat_set_flags: () => ESUCCESS,
    path_open(dirFd: number, _dirFlags: number, pathPtr: number, pathLen: number, oflags: number, _rightsBase: bigint, _rightsInheriting: bigint, _fdFlags: number, fdPtr: number) {
      if (dirFd !== PREOPEN_FD) return EBADF;
      const name = new TextDecoder().decode(bytes().subarray(pathPtr, pathPtr + pathLen)).replace(/^\.\//, '');
      const create = (oflags & 1) !== 0, truncate = (oflags & 8) !== 0;
      const existing = files.get(name);
      if (!existing && !create) return ENOENT;
      const data = existing && !truncate ? existing.slice() : new Uint8Array(0);
      const fd = nextFd++;
      open.set(fd, { name, data, size: data.length, position: 0 });
      view().setUint32(fdPtr, fd, true);
      return ESUCCESS;
    },
    fd_write(fd: number, iovs: number, iovsLen: number, writtenPtr: number) {
      const v = view();
      let total = 0;
      const file = open.get(fd);
      if (!file && fd !== 1 && fd !== 2) return EBADF;
      for (let i = 0; i < iovsLen; i++) {
        const ptr = v.getUint32(iovs + 8 * i, true);
        const len = v.getUint32(iovs + 8 * i + 4, true);
        if (file) write(file, bytes().slice(ptr, ptr + len));
        total += len;
      }
      view().setUint32(writtenPtr, total, true);
      return ESUCCESS;
    },
    fd_read(fd: number, iovs: number, iovsLen: number, readPtr: number) {
      const file = open.get(fd);
      if (!file && fd !== 0) return EBADF;
      const v = view();
      let total = 0;
      for (let i = 0; file && i < iovsLen; i++) {
        const ptr = v.getUint32(iovs + 8 * i, true);
        const len = v.getUint32(iovs + 8 * i + 4, true);
        const chunk = file.data.subarray(file.position, Math.min(file.size, file.position + len));
        bytes().set(chunk, ptr);
        file.position += chunk.length;
        total += chunk.length;
      }
      view().setUint32(readPtr, total, true);
      return ESUCCESS;
    },
    fd_seek(fd: number, offset: bigint, whence: number, newOffsetPtr: number) {
      const file = open.get(fd);
      if (!file) return EBADF;
      const base = whence === 0 ? 0 : whence === 1 ? file.position : whence === 2 ? file.size : -1;
      const position = base + Number(offset);
      if (base < 0 || position < 0) return EINVAL;
      file.position = position;
      view().setBigUint64(newOffsetPtr, BigInt(position), true);
      return ESUCCESS;
    },
    fd_close(fd: number) {
      const file = open.get(fd);
      if (file) { files.set(file.name, file.data.slice(0, file.size)); open.delete(fd); }
      return ESUCCESS;
    },
    proc_exit(code: number) {
      throw new Exit(code);
    },
  };

  const instance = new WebAssembly.Instance(module, { wasi_snapshot_preview1: wasi });
  memory = instance.exports.memory as WebAssembly.Memory;
  try {
    (instance.exports._start as () => void)();
  } catch (error) {
    if (error instanceof Exit) return error.code;
    throw error;
  } finally {
    for (const fd of [...open.keys()]) wasi.fd_close(fd);
  }
  return 0;
}
