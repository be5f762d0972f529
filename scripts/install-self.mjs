// Installs this package into node_modules/<this package> as a copy of what `npm pack` ships, so
// that Pulumi programs inside the repository load it from node_modules exactly as a user's
// program does: Pulumi then serializes the provider as a `require()` of the installed package,
// and the dynamic-provider process finds its runtime by package name.
import { cpSync, mkdirSync, readFileSync, rmSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";

const root = resolve(dirname(fileURLToPath(import.meta.url)), "..");
const manifest = JSON.parse(readFileSync(join(root, "package.json"), "utf8"));
const installed = join(root, "node_modules", manifest.name);
rmSync(installed, { recursive: true, force: true });
mkdirSync(installed, { recursive: true });
for (const entry of ["package.json", ...manifest.files]) cpSync(join(root, entry), join(installed, entry), { recursive: true });
