import { randomBytes, randomUUID } from "node:crypto";
import type { EmulatorContext } from "./context";
import type { FaultOptions } from "./faults";
import { ApiServer, type RequestStats } from "./server";
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
  /** Port advertised for SFTP in credentials' Host and URI. */
  sftpPort?: number;
  /** Where the database lives; in memory when unset. */
  dataDir?: string;
  /** SFTP To Go organizations and their API keys; one is generated when empty. */
  organizations?: OrganizationSeed[];
  /** Stedi API key; generated when unset. */
  stediApiKey?: string;
  faults?: FaultOptions;
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
  stats(): RequestStats;
  stop(): Promise<void>;
}

export const generateApiKey = () => randomBytes(24).toString("base64url");

export async function startEmulator(options: EmulatorOptions = {}): Promise<RunningEmulator> {
  const host = options.host ?? "127.0.0.1";
  const store = new Store(options.dataDir);
  const organizations = options.organizations?.length ? options.organizations : [{ id: randomUUID(), apiKey: generateApiKey() }];
  const stediApiKey = options.stediApiKey ?? generateApiKey();
  let url = "";
  const context: EmulatorContext = {
    store,
    sftpHost: host,
    sftpPort: options.sftpPort ?? 2222,
    publicUrl: () => url,
    now: () => Date.now(),
  };
  const sftpToGo = sftpToGoService(context);
  for (const organization of organizations) {
    store.upsertOrganization(organization.id, organization.apiKey);
    sftpToGo.credentials.ensureRoot(organization.id);
  }
  store.upsertAccount("default", stediApiKey);

  const server = new ApiServer([sftpToGo.service, stediService(context)], options.faults ?? {});
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
    stats: () => structuredClone(server.stats),
    async stop() {
      await server.close();
      store.close();
    },
  };
}
