import { randomUUID } from "node:crypto";
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { generateApiKey } from "./index";

export interface Identity {
  organizationId: string;
  apiKey: string;
  stediApiKey: string;
}

/**
 * The organization and keys to serve: given values win, then those an earlier run saved in the
 * data directory, then fresh ones (saved there, so a restart keeps working keys).
 */
export function resolveIdentity(given: Partial<Identity>, dataDir: string | undefined): Identity {
  const file = dataDir ? join(dataDir, "identity.json") : undefined;
  let saved: Partial<Identity> = {};
  if (file) {
    try {
      saved = JSON.parse(readFileSync(file, "utf8")) as Partial<Identity>;
    } catch {
      saved = {};
    }
  }
  const identity: Identity = {
    organizationId: given.organizationId ?? saved.organizationId ?? randomUUID(),
    apiKey: given.apiKey ?? saved.apiKey ?? generateApiKey(),
    stediApiKey: given.stediApiKey ?? saved.stediApiKey ?? generateApiKey(),
  };
  if (file && dataDir) {
    mkdirSync(dataDir, { recursive: true });
    writeFileSync(file, JSON.stringify(identity, null, 2) + "\n", { mode: 0o600 });
  }
  return identity;
}
