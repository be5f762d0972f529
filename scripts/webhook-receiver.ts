import { createServer, type Server } from "node:https";
import type { AddressInfo } from "node:net";
import { generate } from "selfsigned";

export interface Received {
  headers: Record<string, string | string[] | undefined>;
  body: string;
  path: string;
}

export interface WebhookReceiver {
  server: Server;
  url: string;
  /** The self-signed certificate, for the emulator's `webhookTrustedCa`. */
  ca: string;
  received: Received[];
  /** Answer the next n requests with 500. */
  failNext(n: number): void;
  close(): Promise<void>;
}

/** An https receiver of webhook events with a self-signed certificate the emulator is told to trust. */
export async function webhookReceiver(port = 0): Promise<WebhookReceiver> {
  const pems = await generate([{ name: "commonName", value: "127.0.0.1" }], {
    days: 1,
    extensions: [{ name: "subjectAltName", altNames: [{ type: 7, ip: "127.0.0.1" }] }],
  } as never);
  const received: Received[] = [];
  let failures = 0;
  const server = createServer({ key: pems.private, cert: pems.cert }, (req, res) => {
    let body = "";
    req.on("data", (chunk) => (body += String(chunk)));
    req.on("end", () => {
      if (failures > 0) {
        failures--;
        res.writeHead(500).end();
        return;
      }
      received.push({ headers: req.headers, body, path: req.url ?? "" });
      res.writeHead(204).end();
    });
  });
  await new Promise<void>((resolve, reject) => server.once("error", reject).listen(port, "127.0.0.1", resolve));
  return {
    server,
    url: `https://127.0.0.1:${(server.address() as AddressInfo).port}`,
    ca: pems.cert,
    received,
    failNext: (n) => (failures = n),
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}

