import type { SshPublicKey } from "../../sdk/sftptogo/schemas";
import type { StoredCredential } from "../sftptogo/credentials";
import type { StoredStediUser } from "../stedi/users";
import type { Store } from "../store";
import type { LoginAccount } from "./access";

/** The login an SFTP user name belongs to, read fresh from storage for every attempt. */
export function findLogin(store: Store, userName: string): LoginAccount | undefined {
  const owner = store.ownerOfUsername(userName);
  if (!owner) return undefined;
  if (owner.kind === "credential") {
    const credential = store.get<StoredCredential>("credential", owner.scope, owner.id);
    if (!credential) return undefined;
    return {
      service: "sftptogo",
      owner: owner.scope,
      id: credential.Id,
      userName: credential.UserName,
      password: credential.Password,
      publicKeys: store.list<SshPublicKey>("ssh-key", credential.Id).map(({ doc }) => doc.SshPublicKeyBody.split(/\s+/)[1]),
      permission: credential.Permission,
      state: credential.State,
      expiration: credential.Expiration,
      homeDirectory: credential.HomeDirectory,
      chrootDirectory: credential.ChrootDirectory ?? "/",
      inboundRules: credential.Settings.Network.InboundRules,
    };
  }
  if (owner.kind === "stedi-user") {
    const user = store.get<StoredStediUser>("stedi-user", owner.scope, owner.id);
    if (!user) return undefined;
    return {
      service: "stedi",
      owner: user.bucketName ?? owner.scope,
      id: user.username,
      userName: user.username,
      password: user.password,
      publicKeys: [],
      permission: "full",
      state: "active",
      homeDirectory: user.homeDirectory,
      chrootDirectory: "/",
    };
  }
  return undefined;
}
