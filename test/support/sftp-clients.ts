import { Client, type SFTPWrapper } from "ssh2";

export { opensshSftp, type SftpRun } from "../../scripts/openssh-sftp";

/** A Node (ssh2) SFTP session, for checks the OpenSSH client makes awkward. */
export async function nodeSftp(options: { port: number; user: string; password?: string; privateKey?: string }): Promise<{ sftp: SFTPWrapper; close(): void }> {
  const client = new Client();
  await new Promise<void>((resolve, reject) => {
    client.on("ready", resolve).on("error", reject);
    client.connect({ host: "127.0.0.1", port: options.port, username: options.user, password: options.password, privateKey: options.privateKey, readyTimeout: 10_000 });
  });
  const sftp = await new Promise<SFTPWrapper>((resolve, reject) => client.sftp((error, session) => (error ? reject(error) : resolve(session))));
  return { sftp, close: () => client.end() };
}

/** Runs one SFTP operation and says whether the server allowed it. */
export function allowed(run: (done: (error?: Error | null) => void) => void): Promise<boolean> {
  return new Promise((resolve) => run((error) => resolve(!error)));
}
