// Links node_modules/<this package> to the repository root, so that Pulumi programs inside the
// repository resolve the package through node_modules exactly as a user's program does, and the
// dynamic-provider process can require its runtime module by package name.
import { lstat, readlink, rm, symlink } from "node:fs/promises";
import { readFileSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";

const root = resolve(dirname(fileURLToPath(import.meta.url)), "..");
const { name } = JSON.parse(readFileSync(join(root, "package.json"), "utf8"));
const link = join(root, "node_modules", name);
const target = "..";
const existing = await lstat(link).catch(() => undefined);
if (existing?.isSymbolicLink() && (await readlink(link)) === target) process.exit(0);
if (existing) await rm(link, { recursive: true, force: true });
await symlink(target, link, "dir");
