// The provider object Pulumi serializes for stedi:User; see provider/delegate.ts.
import { DelegatingProvider } from "../delegate";

export = new DelegatingProvider("stedi:User");
