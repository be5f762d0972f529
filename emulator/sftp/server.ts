import { generateKeyPairSync } from "node:crypto";
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { Server, utils, type CipherAlgorithm, type Connection } from "ssh2";
import { fileOnDisk } from "../files";
import { sameSecret } from "../ids";
import { closed, listen } from "../listen";
import type { Store } from "../store";
import { loginRefusal, type LoginAccount } from "./access";
import { findLogin } from "./logins";
import { serveSftp, type FileEvent } from "./session";
import { UserView } from "./view";

export interface SftpServerOptions {
  store: Store;
  /** Folder holding the host key; a fresh key is made per start when unset. */
  dataDir?: string;
  /** Root of the uploaded files: `<filesRoot>/sftptogo/<organization>/...`, `<filesRoot>/stedi/<bucket>/...`. */
  filesRoot: string;
  now: () => number;
  onFileEvent(login: LoginAccount, event: FileEvent): void;
  /** Also offer aes-ctr ciphers, for clients without AES-GCM. */
  legacyCiphers?: boolean;
  log?: (line: string) => void;
}

/** The host key: ECDSA P-256 in PEM, kept in the data directory so clients see the same host. */
function hostKey(dataDir: string | undefined): string {
  const file = dataDir && join(dataDir, "ssh_host_ecdsa_key");
  if (file && existsSync(file)) return readFileSync(file, "utf8");
  const { privateKey } = generateKeyPairSync("ec", { namedCurve: "prime256v1" });
  const pem = privateKey.export({ type: "sec1", format: "pem" }).toString();
  if (file) writeFileSync(file, pem, { mode: 0o600 });
  return pem;
}

/**
 * AES-GCM only by default. Clients choose by their own preference order, so OpenSSH would take
 * chacha20-poly1305 (in JavaScript without ssh2's optional native addon) or aes-ctr with an
 * HMAC if they were offered, at a fraction of the throughput. `legacyCiphers` adds aes-ctr for
 * older clients (paramiko before 3.5, some GUI clients).
 */
const gcmCiphers: CipherAlgorithm[] = ["aes128-gcm@openssh.com", "aes256-gcm@openssh.com"];
const ctrCiphers: CipherAlgorithm[] = ["aes128-ctr", "aes192-ctr", "aes256-ctr"];

/** An SFTP server whose logins, homes and permissions are whatever the control plane says right now. */
export class SftpServer {
  private readonly server: Server;
  private readonly connections = new Set<Connection>();

  constructor(private readonly options: SftpServerOptions) {
    const cipher = options.legacyCiphers ? [...gcmCiphers, ...ctrCiphers] : gcmCiphers;
    this.server = new Server({ hostKeys: [hostKey(options.dataDir)], algorithms: { cipher } }, (client, info) => this.accept(client, info.ip));
  }

  listen(port: number, host: string): Promise<number> {
    return listen(this.server, port, host);
  }

  async close(): Promise<void> {
    for (const connection of this.connections) connection.end();
    await closed(this.server);
  }

  private accept(client: Connection, ip: string): void {
    this.connections.add(client);
    // Each SFTP reply is a large packet and a small one; Nagle would hold the small one back.
    (client as Connection & { setNoDelay(noDelay: boolean): void }).setNoDelay(true); // not in @types/ssh2
    let login: LoginAccount | undefined;
    client.on("authentication", (ctx) => {
      const candidate = findLogin(this.options.store, ctx.username);
      const refusal = candidate && loginRefusal(candidate, ip, this.options.now());
      if (!candidate || refusal) {
        if (refusal) this.options.log?.(`sftp: refused ${ctx.username} from ${ip}: ${refusal}`);
        return ctx.reject(refusal ? [] : ["password", "publickey"]);
      }
      if (ctx.method === "password" && sameSecret(ctx.password, candidate.password)) {
        login = candidate;
        return ctx.accept();
      }
      if (ctx.method === "publickey" && candidate.publicKeys.includes(ctx.key.data.toString("base64"))) {
        if (!ctx.signature) return ctx.accept(); // the client asks whether the key would do
        const key = utils.parseKey(ctx.key.data);
        if (!(key instanceof Error) && !Array.isArray(key) && key.verify(ctx.blob!, ctx.signature, ctx.hashAlgo)) {
          login = candidate;
          return ctx.accept();
        }
      }
      ctx.reject(["password", "publickey"]);
    });
    client.on("ready", () => {
      const account = login!;
      const home = fileOnDisk(this.options.filesRoot, account.service, account.owner, account.homeDirectory);
      mkdirSync(home, { recursive: true });
      const view = new UserView(home, account.homeDirectory, account.chrootDirectory);
      client.on("session", (acceptSession) => {
        const session = acceptSession();
        session.on("sftp", (acceptSftp) => serveSftp(acceptSftp(), account, view, (event) => this.options.onFileEvent(account, event)));
        session.on("exec", (_accept, reject) => reject());
        session.on("shell", (_accept, reject) => reject());
      });
    });
    client.on("error", () => undefined);
    client.on("close", () => this.connections.delete(client));
  }
}
