// Writes schema.json from the provider's own property specs (`npm run schema`).
import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { packageSchema } from "../provider/schema";
import { repoRoot } from "./workspace";

export function renderSchema(): string {
  const { version } = JSON.parse(readFileSync(join(repoRoot, "package.json"), "utf8")) as { version: string };
  return JSON.stringify(packageSchema(version), null, 2) + "\n";
}

if (require.main === module) writeFileSync(join(repoRoot, "schema.json"), renderSchema());
