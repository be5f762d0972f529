export { Credential, type CredentialArgs, type Permission, type CredentialState } from "./credential";
export { readSettings, type ProviderSettings } from "./config";
