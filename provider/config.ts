import { SftpToGoClient } from "../sdk/sftptogo/client";
import { StediSftpClient } from "../sdk/stedi/client";

/** A source of configuration values: Pulumi's dynamic-provider Config, or a plain map in tests. */
export interface ConfigSource {
  get(key: string): string | undefined;
}

export interface ProviderSettings {
  sftpToGo: { apiKey?: string; organizationId?: string; apiUrl?: string };
  stedi: { apiKey?: string; apiUrl?: string };
}

/**
 * Reads settings from stack config (`sftptogo:apiKey`, `sftptogo:organizationId`,
 * `sftptogo:apiUrl`, `stedi:apiKey`, `stedi:apiUrl`), falling back to the environment variables
 * the services' own tools use.
 */
export function readSettings(config: ConfigSource, env: NodeJS.ProcessEnv = process.env): ProviderSettings {
  const pick = (key: string, variable: string) => config.get(key) || env[variable] || undefined;
  return {
    sftpToGo: {
      apiKey: pick("sftptogo:apiKey", "SFTPTOGO_API_KEY"),
      organizationId: pick("sftptogo:organizationId", "SFTPTOGO_ORGANIZATION_ID"),
      apiUrl: pick("sftptogo:apiUrl", "SFTPTOGO_API_URL"),
    },
    stedi: {
      apiKey: pick("stedi:apiKey", "STEDI_API_KEY"),
      apiUrl: pick("stedi:apiUrl", "STEDI_API_URL"),
    },
  };
}

export function sftpToGoClient(settings: ProviderSettings): SftpToGoClient {
  const { apiKey, organizationId, apiUrl } = settings.sftpToGo;
  if (!apiKey) throw new Error("SFTP To Go API key is not set: run `pulumi config set --secret sftptogo:apiKey <key>` or set SFTPTOGO_API_KEY");
  if (!organizationId) {
    throw new Error("SFTP To Go organization id is not set: run `pulumi config set sftptogo:organizationId <id>` or set SFTPTOGO_ORGANIZATION_ID");
  }
  return new SftpToGoClient({ apiKey, organizationId, apiUrl });
}

export function stediClient(settings: ProviderSettings): StediSftpClient {
  const { apiKey, apiUrl } = settings.stedi;
  if (!apiKey) throw new Error("Stedi API key is not set: run `pulumi config set --secret stedi:apiKey <key>` or set STEDI_API_KEY");
  return new StediSftpClient({ apiKey, apiUrl });
}
