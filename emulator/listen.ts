import type { AddressInfo, Server } from "node:net";

/** Starts listening and answers the port actually bound (port 0 picks a free one). */
export async function listen(server: Server, port: number, host: string): Promise<number> {
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(port, host, () => resolve());
  });
  return (server.address() as AddressInfo).port;
}

export const closed = (server: Server) => new Promise<void>((resolve) => server.close(() => resolve()));
