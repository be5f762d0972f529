import { sep } from "node:path";

/**
 * Where a file is stored: `<filesRoot>/sftptogo/<organization id>/<path>` for SFTP To Go and
 * `<filesRoot>/stedi/<bucket>/<path>` for Stedi, `<path>` being the path the service names it by.
 */
export function fileOnDisk(filesRoot: string, service: "sftptogo" | "stedi", owner: string, servicePath: string): string {
  return [filesRoot, service, owner, ...servicePath.split("/").filter(Boolean)].join(sep);
}
