import { constants, readSync, writeSync, type Stats } from "node:fs";
import { lstat, mkdir, open, readdir, rename, rmdir, stat, unlink, type FileHandle } from "node:fs/promises";
import { utils, type Attributes, type FileEntry, type SFTPWrapper } from "ssh2";
import { permits, type LoginAccount, type Operation } from "./access";
import type { FileEventInput } from "../events";
import type { Resolved, UserView } from "./view";

const { STATUS_CODE, OPEN_MODE } = utils.sftp;

/** A file event as the session sees it; the server adds who caused it. */
export type FileEvent = Omit<FileEventInput, "actor">;

type Handle =
  | { kind: "file"; file: FileHandle; resolved: Resolved & { kind: "file" }; wrote: boolean; readBytes: number }
  | { kind: "dir"; entries: FileEntry[] | undefined };

class Refusal extends Error {
  constructor(
    readonly code: number,
    message: string,
  ) {
    super(message);
  }
}

const attrsOf = (stats: Stats): Attributes => ({
  mode: stats.mode,
  uid: 0,
  gid: 0,
  size: stats.size,
  atime: Math.floor(stats.atimeMs / 1000),
  mtime: Math.floor(stats.mtimeMs / 1000),
});
const directoryAttrs = (): Attributes => ({ mode: constants.S_IFDIR | 0o755, uid: 0, gid: 0, size: 0, atime: 0, mtime: 0 });

function longname(name: string, attrs: Attributes): string {
  const type = (attrs.mode & constants.S_IFMT) === constants.S_IFDIR ? "d" : "-";
  const bits = ["r", "w", "x"];
  const perms = Array.from({ length: 9 }, (_, i) => (attrs.mode & (1 << (8 - i)) ? bits[i % 3] : "-")).join("");
  const date = new Date(attrs.mtime * 1000).toUTCString().slice(5, 22);
  return `${type}${perms} 1 sftp sftp ${String(attrs.size).padStart(10)} ${date} ${name}`;
}

function statusOf(error: unknown): [number, string] {
  if (error instanceof Refusal) return [error.code, error.message];
  const code = (error as NodeJS.ErrnoException).code;
  if (code === "ENOENT" || code === "ENOTDIR") return [STATUS_CODE.NO_SUCH_FILE, "No such file"];
  if (code === "EACCES" || code === "EPERM") return [STATUS_CODE.PERMISSION_DENIED, "Permission denied"];
  if (code === "EEXIST") return [STATUS_CODE.FAILURE, "File exists"];
  if (code === "ENOTEMPTY") return [STATUS_CODE.FAILURE, "Directory not empty"];
  return [STATUS_CODE.FAILURE, "Failure"];
}

/** Serves one SFTP channel for one login: every operation is contained in the view and checked against the permission. */
export function serveSftp(sftp: SFTPWrapper, login: LoginAccount, view: UserView, onEvent: (event: FileEvent) => void): void {
  const handles = new Map<number, Handle>();
  let nextHandle = 1;
  const newHandle = (handle: Handle) => {
    const id = nextHandle++;
    handles.set(id, handle);
    const buffer = Buffer.alloc(4);
    buffer.writeUInt32BE(id);
    return buffer;
  };
  const handleOf = (buffer: Buffer) => (buffer.length === 4 ? handles.get(buffer.readUInt32BE()) : undefined);

  const need = (operation: Operation) => {
    if (!permits(login.permission, operation)) throw new Refusal(STATUS_CODE.PERMISSION_DENIED, `Permission denied: ${login.permission} does not allow ${operation}`);
  };
  const inside = (path: string): Resolved & { kind: "file" } => {
    const resolved = view.resolve(path);
    if (resolved.kind === "file") return resolved;
    if (resolved.kind === "root") throw new Refusal(STATUS_CODE.PERMISSION_DENIED, "Permission denied");
    throw new Refusal(STATUS_CODE.NO_SUCH_FILE, "No such file");
  };
  const noneRefused = () => {
    if (login.permission === "none") throw new Refusal(STATUS_CODE.PERMISSION_DENIED, "Permission denied: no access");
  };

  /** Runs a request; any refusal or file-system error becomes the matching SFTP status. */
  const serve = (reqId: number, work: () => Promise<void>) => {
    work().catch((error: unknown) => {
      const [code, message] = statusOf(error);
      sftp.status(reqId, code, message);
    });
  };
  const ok = (reqId: number) => sftp.status(reqId, STATUS_CODE.OK);

  sftp.on("REALPATH", (reqId, path) =>
    serve(reqId, async () => {
      const virtual = view.resolve(path).virtual;
      sftp.name(reqId, [{ filename: virtual, longname: virtual, attrs: directoryAttrs() }]);
    }),
  );

  const statRequest = (follow: boolean) => (reqId: number, path: string) =>
    serve(reqId, async () => {
      noneRefused();
      const resolved = view.resolve(path);
      if (resolved.kind === "root") return sftp.attrs(reqId, directoryAttrs());
      sftp.attrs(reqId, attrsOf(await (follow ? stat : lstat)(inside(path).disk)));
    });
  sftp.on("STAT", statRequest(true));
  sftp.on("LSTAT", statRequest(false));

  sftp.on("OPEN", (reqId, filename, flags) =>
    serve(reqId, async () => {
      const writes = (flags & (OPEN_MODE.WRITE | OPEN_MODE.APPEND | OPEN_MODE.CREAT | OPEN_MODE.TRUNC)) !== 0;
      if (flags & OPEN_MODE.READ) need("read");
      if (writes) need("write");
      const resolved = inside(filename);
      const mode = utils.sftp.flagsToString(flags);
      if (!mode) throw new Refusal(STATUS_CODE.BAD_MESSAGE, "Unsupported open flags");
      const file = await open(resolved.disk, mode);
      sftp.handle(reqId, newHandle({ kind: "file", file, resolved, wrote: false, readBytes: 0 }));
    }),
  );

  sftp.on("READ", (reqId, buffer, offset, length) =>
    serve(reqId, async () => {
      const handle = handleOf(buffer);
      if (handle?.kind !== "file") throw new Refusal(STATUS_CODE.FAILURE, "Invalid handle");
      const data = Buffer.allocUnsafe(length);
      const bytesRead = readSync(handle.file.fd, data, 0, length, offset);
      if (bytesRead === 0) return sftp.status(reqId, STATUS_CODE.EOF);
      handle.readBytes += bytesRead;
      sftp.data(reqId, bytesRead === length ? data : data.subarray(0, bytesRead));
    }),
  );

  sftp.on("WRITE", (reqId, buffer, offset, data) =>
    serve(reqId, async () => {
      const handle = handleOf(buffer);
      if (handle?.kind !== "file") throw new Refusal(STATUS_CODE.FAILURE, "Invalid handle");
      // Synchronous (like READ): a 32 KiB write to the page cache takes microseconds, far less
      // than a trip through the thread pool, and transfers arrive as streams of such requests.
      writeSync(handle.file.fd, data, 0, data.length, offset);
      handle.wrote = true;
      ok(reqId);
    }),
  );

  sftp.on("FSTAT", (reqId, buffer) =>
    serve(reqId, async () => {
      const handle = handleOf(buffer);
      if (handle?.kind !== "file") throw new Refusal(STATUS_CODE.FAILURE, "Invalid handle");
      sftp.attrs(reqId, attrsOf(await handle.file.stat()));
    }),
  );

  sftp.on("CLOSE", (reqId, buffer) =>
    serve(reqId, async () => {
      const handle = handleOf(buffer);
      if (!handle) throw new Refusal(STATUS_CODE.FAILURE, "Invalid handle");
      handles.delete(buffer.readUInt32BE());
      if (handle.kind === "file") {
        const { size } = await handle.file.stat();
        await handle.file.close();
        const path = handle.resolved.servicePath;
        if (handle.wrote) onEvent({ topic: "file.created", path, size });
        else if (handle.readBytes > 0) onEvent({ topic: "file.downloaded", path, size });
      }
      ok(reqId);
    }),
  );

  sftp.on("OPENDIR", (reqId, path) =>
    serve(reqId, async () => {
      need("list");
      const resolved = view.resolve(path);
      if (resolved.kind === "root") {
        const entries = resolved.entries.map((name) => ({ filename: name, longname: longname(name, directoryAttrs()), attrs: directoryAttrs() }));
        return sftp.handle(reqId, newHandle({ kind: "dir", entries }));
      }
      const { disk } = inside(path);
      const names = await readdir(disk);
      const entries: FileEntry[] = [];
      for (const name of names) {
        const attrs = attrsOf(await lstat(`${disk}/${name}`));
        if ((attrs.mode & constants.S_IFMT) === constants.S_IFLNK) continue;
        entries.push({ filename: name, longname: longname(name, attrs), attrs });
      }
      sftp.handle(reqId, newHandle({ kind: "dir", entries }));
    }),
  );

  sftp.on("READDIR", (reqId, buffer) =>
    serve(reqId, async () => {
      const handle = handleOf(buffer);
      if (handle?.kind !== "dir") throw new Refusal(STATUS_CODE.FAILURE, "Invalid handle");
      if (!handle.entries) return sftp.status(reqId, STATUS_CODE.EOF);
      const { entries } = handle;
      handle.entries = undefined;
      if (entries.length === 0) return sftp.status(reqId, STATUS_CODE.EOF);
      sftp.name(reqId, entries);
    }),
  );

  sftp.on("REMOVE", (reqId, path) =>
    serve(reqId, async () => {
      need("delete");
      const { disk, servicePath } = inside(path);
      const { size } = await lstat(disk);
      await unlink(disk);
      onEvent({ topic: "file.deleted", path: servicePath, size });
      ok(reqId);
    }),
  );

  sftp.on("RMDIR", (reqId, path) =>
    serve(reqId, async () => {
      need("delete");
      const resolved = inside(path);
      if (resolved.virtual === view.resolve(".").virtual) throw new Refusal(STATUS_CODE.PERMISSION_DENIED, "The home directory cannot be removed");
      await rmdir(resolved.disk);
      ok(reqId);
    }),
  );

  sftp.on("MKDIR", (reqId, path) =>
    serve(reqId, async () => {
      need("mkdir");
      await mkdir(inside(path).disk);
      ok(reqId);
    }),
  );

  sftp.on("RENAME", (reqId, from, to) =>
    serve(reqId, async () => {
      need("rename");
      const source = inside(from);
      const target = inside(to);
      const exists = await lstat(target.disk).then(
        () => true,
        () => false,
      );
      if (exists) throw new Refusal(STATUS_CODE.FAILURE, "Target exists");
      await rename(source.disk, target.disk);
      ok(reqId);
    }),
  );

  const setstat = (reqId: number) =>
    serve(reqId, async () => {
      need("write");
      ok(reqId);
    });
  sftp.on("SETSTAT", (reqId, path) => {
    if (view.resolve(path).kind !== "file") return sftp.status(reqId, STATUS_CODE.NO_SUCH_FILE);
    setstat(reqId);
  });
  sftp.on("FSETSTAT", setstat);
  sftp.on("READLINK", (reqId) => sftp.status(reqId, STATUS_CODE.OP_UNSUPPORTED, "Links are not supported"));
  sftp.on("SYMLINK", (reqId) => sftp.status(reqId, STATUS_CODE.OP_UNSUPPORTED, "Links are not supported"));

  // The client is done when it closes its side; close ours so it can exit.
  sftp.on("end", () => sftp.end());
  sftp.on("close", () => {
    for (const handle of handles.values()) if (handle.kind === "file") void handle.file.close().catch(() => undefined);
    handles.clear();
  });
}
