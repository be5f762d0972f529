// The provider object Pulumi serializes for sftptogo:SshPublicKey; see provider/delegate.ts.
import { DelegatingProvider } from "../delegate";

export = new DelegatingProvider("sftptogo:SshPublicKey");
