// The provider object Pulumi serializes for sftptogo:ShareLink; see provider/delegate.ts.
import { DelegatingProvider } from "../delegate";

export = new DelegatingProvider("sftptogo:ShareLink");
