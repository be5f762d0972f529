// The provider object Pulumi serializes for sftptogo:InboundRules; see provider/delegate.ts.
import { DelegatingProvider } from "../delegate";

export = new DelegatingProvider("sftptogo:InboundRules");
