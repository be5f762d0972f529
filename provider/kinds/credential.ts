// The provider object Pulumi serializes for sftptogo:Credential; see provider/delegate.ts.
import { DelegatingProvider } from "../delegate";

export = new DelegatingProvider("sftptogo:Credential");
