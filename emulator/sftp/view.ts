import { realpathSync } from "node:fs";
import { posix, sep } from "node:path";

/** Where a path a user asked for leads. */
export type Resolved =
  /** A file or folder inside the home directory. */
  | { kind: "file"; virtual: string; disk: string; servicePath: string }
  /** The synthetic root that holds only the chroot name (when ChrootDirectory is not `/`). */
  | { kind: "root"; virtual: string; entries: string[] }
  | { kind: "outside"; virtual: string };

/**
 * What one login sees. Paths are resolved in the login's own namespace first (so `..` and
 * absolute paths can never leave it), then mapped onto the home directory on disk; symlinks that
 * would lead out of the home directory are refused.
 */
export class UserView {
  /** The name the home directory has for the user: `/` or, with a chroot, e.g. `/ventas`. */
  private readonly mountPoint: string;
  private readonly realHome: string;

  constructor(
    /** The login's home directory on disk. */
    private readonly homeOnDisk: string,
    /** The home directory as the service names it, e.g. `/alice`. */
    private readonly homeDirectory: string,
    chrootDirectory: string,
  ) {
    this.mountPoint = posix.normalize(chrootDirectory).replace(/(.)\/$/, "$1");
    this.realHome = realpathSync(homeOnDisk);
  }

  resolve(requested: string): Resolved {
    // A relative path starts at the home directory, as the user sees it.
    const virtual = posix.resolve(this.mountPoint, requested || ".");
    const relative = this.relativeToMount(virtual);
    if (relative === undefined) {
      if (virtual === "/") return { kind: "root", virtual, entries: [this.mountPoint.slice(1).split("/")[0]] };
      const prefix = this.mountPoint.startsWith(virtual + "/") ? this.mountPoint.slice(virtual.length + 1).split("/")[0] : undefined;
      return prefix ? { kind: "root", virtual, entries: [prefix] } : { kind: "outside", virtual };
    }
    const disk = relative ? `${this.homeOnDisk}${sep}${relative.split("/").join(sep)}` : this.homeOnDisk;
    if (!this.staysInside(disk)) return { kind: "outside", virtual };
    return { kind: "file", virtual, disk, servicePath: posix.join(this.homeDirectory, relative) };
  }

  private relativeToMount(virtual: string): string | undefined {
    if (this.mountPoint === "/") return virtual.slice(1);
    if (virtual === this.mountPoint) return "";
    return virtual.startsWith(this.mountPoint + "/") ? virtual.slice(this.mountPoint.length + 1) : undefined;
  }

  /** The deepest existing ancestor's real path must still be inside the home directory. */
  private staysInside(disk: string): boolean {
    let probe = disk;
    for (;;) {
      try {
        const real = realpathSync(probe);
        return real === this.realHome || real.startsWith(this.realHome + sep);
      } catch {
        const parent = probe.slice(0, probe.lastIndexOf(sep));
        if (!parent || parent === probe || !probe.startsWith(this.homeOnDisk)) return true;
        probe = parent;
      }
    }
  }
}
