import { createReadStream, createWriteStream } from "node:fs";
import { mkdir, readdir, stat, unlink } from "node:fs/promises";
import type { IncomingMessage, ServerResponse } from "node:http";
import { dirname, posix } from "node:path";
import { pipeline } from "node:stream/promises";
import type { ShareLink } from "../sdk/sftptogo/schemas";
import type { FileEventInput } from "./events";
import { fileOnDisk } from "./files";
import { sendJson } from "./http";
import { sameSecret } from "./ids";
import type { Store } from "./store";

export const shareLinkPathPrefix = "/share/";

const reads = ["read-only", "read-write", "read-write-no-delete"];
const writes = ["read-write", "write-only", "read-write-no-delete"];
const deletes = ["read-write"];

export interface ShareLinkFilesOptions {
  store: Store;
  filesRoot: string;
  now: () => number;
  onFileEvent(organizationId: string, event: FileEventInput): void;
}

class HttpRefusal extends Error {
  constructor(
    readonly status: number,
    message: string,
  ) {
    super(message);
  }
}

function notFound(error: unknown): HttpRefusal {
  const code = (error as NodeJS.ErrnoException).code;
  if (code !== "ENOENT" && code !== "EISDIR" && code !== "ENOTDIR") throw error;
  return new HttpRefusal(404, "No such file");
}

/**
 * Share links over HTTP on the emulator's port: `GET /share/{id}` downloads a shared file or
 * lists a shared folder, `GET|PUT|DELETE /share/{id}/{path}` reach files inside a shared folder
 * as the link's permission allows. A password goes in `X-Share-Password` (or `?password=`).
 * Expiry and the access limit are enforced; every access is counted.
 */
export class ShareLinkFiles {
  constructor(private readonly options: ShareLinkFilesOptions) {}

  async handle(req: IncomingMessage, res: ServerResponse, url: URL): Promise<void> {
    try {
      await this.serve(req, res, url);
    } catch (error) {
      const refusal = error instanceof HttpRefusal ? error : notFound(error);
      if (!res.headersSent) sendJson(res, refusal.status, { message: refusal.message });
    }
  }

  private async serve(req: IncomingMessage, res: ServerResponse, url: URL): Promise<void> {
    const [id, ...rest] = url.pathname.slice(shareLinkPathPrefix.length).split("/");
    const found = this.options.store.findById<ShareLink>("share-link", decodeURIComponent(id));
    if (!found) throw new HttpRefusal(404, "No such share link");
    const { scope: organizationId, doc: link } = found;
    if (link.ExpiresAt !== null && link.ExpiresAt <= this.options.now()) throw new HttpRefusal(410, "The share link has expired");
    if (link.Password) {
      const given = (req.headers["x-share-password"] as string | undefined) ?? url.searchParams.get("password") ?? "";
      if (!sameSecret(given, link.Password)) throw new HttpRefusal(401, "The share link needs its password");
    }
    const isFolder = link.Path.endsWith("/");
    const inner = rest.map(decodeURIComponent).join("/");
    if (!isFolder && inner) throw new HttpRefusal(404, "The share link is for one file");
    const servicePath = isFolder ? posix.join(link.Path, posix.resolve("/", inner).slice(1)) : link.Path;
    const disk = fileOnDisk(this.options.filesRoot, "sftptogo", organizationId, servicePath);
    const method = req.method ?? "GET";
    const allowedBy = (levels: string[]) => {
      if (!levels.includes(link.Permission)) throw new HttpRefusal(403, `The share link (${link.Permission}) does not allow ${method}`);
    };

    if (method === "GET") {
      allowedBy(reads);
      const stats = await stat(disk);
      if (stats.isDirectory()) {
        const names = await readdir(disk, { withFileTypes: true });
        this.counted(organizationId, link);
        return sendJson(res, 200, { Path: servicePath, Entries: names.filter((e) => !e.isSymbolicLink()).map((e) => ({ Name: e.name, IsDirectory: e.isDirectory() })) });
      }
      this.counted(organizationId, link);
      res.writeHead(200, { "content-type": "application/octet-stream", "content-length": stats.size });
      await pipeline(createReadStream(disk), res);
      return this.options.onFileEvent(organizationId, { topic: "file.downloaded", path: servicePath, size: stats.size, actor: `share-link:${link.Id}` });
    }
    if (method === "PUT" && isFolder && inner) {
      allowedBy(writes);
      await mkdir(dirname(disk), { recursive: true });
      await pipeline(req, createWriteStream(disk));
      const { size } = await stat(disk);
      this.counted(organizationId, link);
      sendJson(res, 201, { Path: servicePath, Size: size });
      return this.options.onFileEvent(organizationId, { topic: "file.created", path: servicePath, size, actor: `share-link:${link.Id}` });
    }
    if (method === "DELETE" && isFolder && inner) {
      allowedBy(deletes);
      const { size } = await stat(disk);
      await unlink(disk);
      this.counted(organizationId, link);
      sendJson(res, 204, undefined);
      return this.options.onFileEvent(organizationId, { topic: "file.deleted", path: servicePath, size, actor: `share-link:${link.Id}` });
    }
    throw new HttpRefusal(405, `${method} is not supported on this share link`);
  }

  /** Counts an access; a link that reaches its access limit is removed. */
  private counted(organizationId: string, link: ShareLink): void {
    const { store } = this.options;
    store.transaction(() => {
      const current = store.get<ShareLink>("share-link", organizationId, link.Id);
      if (!current) return;
      const updated = { ...current, AccessCount: current.AccessCount + 1, UpdatedAt: this.options.now() };
      if (updated.AccessLimit > 0 && updated.AccessCount >= updated.AccessLimit) store.delete("share-link", organizationId, link.Id);
      else store.put("share-link", organizationId, link.Id, updated);
    });
  }
}
