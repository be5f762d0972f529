import { randomBytes, randomUUID } from "node:crypto";
import { mkdirSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { EmulatorContext } from "./context";
import { WebhookDispatcher, type Delivery } from "./events";
import type { FaultOptions } from "./faults";
import { ApiServer, type RequestStats } from "./server";
import { ShareLinkFiles, shareLinkPathPrefix } from "./share-link-files";
import { SftpServer } from "./sftp/server";
import { sftpToGoService } from "./sftptogo/service";
import { stediService } from "./stedi/service";
import { Store } from "./store";

export type { FaultOptions } from "./faults";
export type { RequestStats } from "./server";

export interface OrganizationSeed {
  id: string;
  apiKey: string;
}

export interface EmulatorOptions {
  /** HTTP port for both APIs; 0 picks a free one. */
  port?: number;
  /** Address to bind; 127.0.0.1 unless set. */
  host?: string;
  /** Port of the SFTP server; 0 (the default) picks a free one. */
  sftpPort?: number;
  /** Where the database, the host key and the uploaded files live; in memory and a temporary folder when unset. */
  dataDir?: string;
  /** SFTP To Go organizations and their API keys; one is generated when empty. */
  organizations?: OrganizationSeed[];
  /** Stedi API key; generated when unset. */
  stediApiKey?: string;
  faults?: FaultOptions;
  /** Pauses between webhook delivery attempts (default 1 s, 5 s, 25 s). */
  webhookRetryDelaysMs?: number[];
  /** A certificate authority (PEM) to trust for https webhook receivers, e.g. a local test receiver's. */
  webhookTrustedCa?: string;
  /** Also offer aes-ctr SFTP ciphers, for clients without AES-GCM (paramiko before 3.5 and the like). */
  sftpLegacyCiphers?: boolean;
  /** Where refused SFTP logins and the like are reported; silent when unset. */
  log?: (line: string) => void;
}

export interface RunningEmulator {
  url: string;
  port: number;
  sftpPort: number;
  sftpToGoApiUrl: string;
  stediApiUrl: string;
  organizations: OrganizationSeed[];
  stediApiKey: string;
  dataDir?: string;
  /** Uploaded files: `<filesRoot>/sftptogo/<organization id>/<path>` and `<filesRoot>/stedi/<bucket>/<path>`. */
  filesRoot: string;
  stats(): RequestStats;
  webhookDeliveries(organizationId: string): Delivery[];
  /** Waits for the webhook deliveries under way. */
  settleWebhooks(): Promise<void>;
  stop(): Promise<void>;
}

export const generateApiKey = () => randomBytes(24).toString("base64url");

export async function startEmulator(options: EmulatorOptions = {}): Promise<RunningEmulator> {
  const host = options.host ?? "127.0.0.1";
  const store = new Store(options.dataDir);
  const organizations = options.organizations?.length ? options.organizations : [{ id: randomUUID(), apiKey: generateApiKey() }];
  const stediApiKey = options.stediApiKey ?? generateApiKey();
  let url = "";
  const now = () => Date.now();
  const webhooks = new WebhookDispatcher({ store, now, retryDelaysMs: options.webhookRetryDelaysMs, trustedCa: options.webhookTrustedCa });
  const context: EmulatorContext = { store, sftpHost: host, sftpPort: 0, publicUrl: () => url, now, webhooks };
  const temporaryFiles = options.dataDir ? undefined : mkdtempSync(join(tmpdir(), "sftp-emulator-files-"));
  const filesRoot = temporaryFiles ?? join(options.dataDir!, "files");
  mkdirSync(filesRoot, { recursive: true });
  const sftp = new SftpServer({
    store,
    dataDir: options.dataDir,
    filesRoot,
    now,
    log: options.log,
    legacyCiphers: options.sftpLegacyCiphers,
    onFileEvent: (login, event) => {
      if (login.service === "sftptogo") webhooks.emit(login.owner, { ...event, actor: login.userName });
    },
  });
  context.sftpPort = await sftp.listen(options.sftpPort ?? 0, host);
  const sftpToGo = sftpToGoService(context);
  for (const organization of organizations) {
    store.upsertOrganization(organization.id, organization.apiKey);
    sftpToGo.credentials.ensureRoot(organization.id);
  }
  store.upsertAccount("default", stediApiKey);

  const shareLinkFiles = new ShareLinkFiles({ store, filesRoot, now, onFileEvent: (organizationId, event) => webhooks.emit(organizationId, event) });
  const server = new ApiServer([sftpToGo.service, stediService(context)], options.faults ?? {}, [
    { prefix: shareLinkPathPrefix, handle: (req, res, requestUrl) => shareLinkFiles.handle(req, res, requestUrl) },
  ]);
  const port = await server.listen(options.port ?? 0, host);
  url = `http://${host}:${port}`;
  return {
    url,
    port,
    sftpPort: context.sftpPort,
    sftpToGoApiUrl: url,
    stediApiUrl: `${url}/2022-04-01`,
    organizations,
    stediApiKey,
    dataDir: options.dataDir,
    filesRoot,
    stats: () => structuredClone(server.stats),
    webhookDeliveries: (organizationId) => webhooks.deliveries(organizationId),
    settleWebhooks: () => webhooks.settle(),
    async stop() {
      await Promise.all([server.close(), sftp.close()]);
      await webhooks.stop();
      store.close();
      if (temporaryFiles) rmSync(temporaryFiles, { recursive: true, force: true });
    },
  };
}
