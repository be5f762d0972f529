#!/usr/bin/env node
import { readFileSync } from "node:fs";
import { parseArgs } from "node:util";
import { resolveIdentity } from "./identity";
import { startEmulator } from "./index";

const usage = `Usage: sftp-emulator [options]

Serves the SFTP To Go and Stedi SFTP APIs on one HTTP port.

  --port <n>             HTTP port (default 8080; 0 picks a free one)
  --host <addr>          address to bind (default 127.0.0.1)
  --sftp-port <n>        SFTP server port (default 2222; 0 picks a free one)
  --data-dir <dir>       keep data, host key and uploaded files here (default: in memory)
  --organization-id <id> SFTP To Go organization id  (env SFTPTOGO_ORGANIZATION_ID)
  --api-key <key>        SFTP To Go API key          (env SFTPTOGO_API_KEY)
  --stedi-api-key <key>  Stedi API key               (env STEDI_API_KEY)
  --rate-limit-rate <f>  share of API requests answered 429 (0..1, default 0)
  --server-error-rate <f> share of API requests answered 503 (0..1, default 0)
  --latency-ms <n>       latency added to every API request (default 0)
  --webhook-ca <file>    also trust this CA (PEM) when delivering to https webhooks
  --sftp-legacy-ciphers  also offer aes-ctr to SFTP clients without AES-GCM
  --help                 show this text

Unset ids and keys are generated (and saved in --data-dir).`;

function fraction(name: string, value: string | undefined): number | undefined {
  if (value === undefined) return undefined;
  const n = Number(value);
  if (!(n >= 0 && n <= 1)) throw new Error(`--${name} must be a number from 0 to 1, got '${value}'`);
  return n;
}

function port(name: string, value: string | undefined, fallback: number): number {
  if (value === undefined) return fallback;
  const n = Number(value);
  if (!Number.isInteger(n) || n < 0 || n > 65535) throw new Error(`--${name} must be a port number from 0 to 65535, got '${value}'`);
  return n;
}

async function main(): Promise<void> {
  const { values } = parseArgs({
    strict: true,
    options: {
      port: { type: "string" },
      host: { type: "string" },
      "sftp-port": { type: "string" },
      "data-dir": { type: "string" },
      "organization-id": { type: "string" },
      "api-key": { type: "string" },
      "stedi-api-key": { type: "string" },
      "rate-limit-rate": { type: "string" },
      "server-error-rate": { type: "string" },
      "latency-ms": { type: "string" },
      "webhook-ca": { type: "string" },
      "sftp-legacy-ciphers": { type: "boolean" },
      help: { type: "boolean" },
    },
  });
  if (values.help) {
    console.log(usage);
    return;
  }
  const dataDir = values["data-dir"];
  const identity = resolveIdentity(
    {
      organizationId: values["organization-id"] ?? (process.env.SFTPTOGO_ORGANIZATION_ID || undefined),
      apiKey: values["api-key"] ?? (process.env.SFTPTOGO_API_KEY || undefined),
      stediApiKey: values["stedi-api-key"] ?? (process.env.STEDI_API_KEY || undefined),
    },
    dataDir,
  );
  const emulator = await startEmulator({
    port: port("port", values.port, 8080),
    host: values.host,
    sftpPort: port("sftp-port", values["sftp-port"], 2222),
    dataDir,
    organizations: [{ id: identity.organizationId, apiKey: identity.apiKey }],
    stediApiKey: identity.stediApiKey,
    webhookTrustedCa: values["webhook-ca"] === undefined ? undefined : readFileSync(values["webhook-ca"], "utf8"),
    log: (line) => console.log(line),
    sftpLegacyCiphers: values["sftp-legacy-ciphers"],
    faults: {
      rateLimitRate: fraction("rate-limit-rate", values["rate-limit-rate"]),
      serverErrorRate: fraction("server-error-rate", values["server-error-rate"]),
      latencyMs: values["latency-ms"] === undefined ? undefined : port("latency-ms", values["latency-ms"], 0),
    },
  });
  console.log(`SFTP emulator listening on ${emulator.url}
  SFTP To Go API  ${emulator.sftpToGoApiUrl}/organizations/${identity.organizationId}
  Stedi SFTP API  ${emulator.stediApiUrl}
  SFTP server     sftp -P ${emulator.sftpPort} <user>@${values.host ?? "127.0.0.1"}
  share links     ${emulator.url}/share/<id>
  data            ${dataDir ?? "in memory (lost on exit)"}
  files           ${emulator.filesRoot}

Point clients at it:
  export SFTPTOGO_API_URL=${emulator.sftpToGoApiUrl}
  export SFTPTOGO_ORGANIZATION_ID=${identity.organizationId}
  export SFTPTOGO_API_KEY=${identity.apiKey}
  export STEDI_API_URL=${emulator.stediApiUrl}
  export STEDI_API_KEY=${identity.stediApiKey}
`);
  const shutdown = (signal: string) => {
    console.log(`${signal}: shutting down`);
    emulator.stop().then(
      () => process.exit(0),
      (error: unknown) => {
        console.error(error);
        process.exit(1);
      },
    );
  };
  process.once("SIGINT", shutdown);
  process.once("SIGTERM", shutdown);
}

main().catch((error: unknown) => {
  console.error(`sftp-emulator: ${(error as Error).message}\n\n${usage}`);
  process.exit(2);
});
