// The provider object Pulumi serializes for sftptogo:Webhook; see provider/delegate.ts.
import { DelegatingProvider } from "../delegate";

export = new DelegatingProvider("sftptogo:Webhook");
