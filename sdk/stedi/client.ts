import { z } from "zod";
import { RequestSender, type ErrorDescription, type RequestSenderOptions } from "../transport";

export const stediUserSchema = z.object({
  username: z.string(),
  homeDirectory: z.string(),
  description: z.string().optional(),
  bucketName: z.string().optional(),
  endpoint: z.string().optional(),
  lastConnectedDate: z.string().optional(),
});
export type StediUser = z.infer<typeof stediUserSchema>;
export const createdStediUserSchema = stediUserSchema.extend({ password: z.string() });
export type CreatedStediUser = z.infer<typeof createdStediUserSchema>;
const userPageSchema = z.object({ items: z.array(stediUserSchema), nextPageToken: z.string().optional() });

export interface CreateStediUserInput {
  description?: string;
  homeDirectory: string;
  passwordOptions?: { length: number };
  bucketName?: string;
}
export interface UpdateStediUserInput {
  description?: string;
  homeDirectory?: string;
  bucketName?: string;
}

export const defaultStediApiUrl = "https://api.sftp.us.stedi.com/2022-04-01";

export interface StediClientOptions extends Pick<RequestSenderOptions, "dispatcher" | "timeoutMs" | "retryPolicy" | "sleep"> {
  apiKey: string;
  /** Base URL including the version path, e.g. `http://127.0.0.1:8080/2022-04-01`. */
  apiUrl?: string;
}

const errorBodySchema = z.object({
  message: z.string().optional(),
  code: z.string().optional(),
  __type: z.string().optional(),
  fieldList: z.array(z.object({ path: z.string(), message: z.string() })).optional(),
});

/** Reads Stedi's error name the way its own client does: header first, then code or __type. */
export function describeStediError(body: unknown, headers: Record<string, string | string[] | undefined>): ErrorDescription {
  const parsed = errorBodySchema.safeParse(body);
  const data = parsed.success ? parsed.data : {};
  const header = headers["x-amzn-errortype"];
  const raw = (Array.isArray(header) ? header[0] : header) ?? data.code ?? data.__type;
  const code = raw?.split(":")[0].split("#").pop();
  return { message: data.message, code, fields: data.fieldList };
}

const seg = encodeURIComponent;

/** Typed client of the Stedi SFTP users API. */
export class StediSftpClient {
  private readonly sender: RequestSender;

  constructor(options: StediClientOptions) {
    this.sender = new RequestSender({
      ...options,
      baseUrl: options.apiUrl ?? defaultStediApiUrl,
      authorization: `Key ${options.apiKey}`,
      describeError: describeStediError,
    });
  }

  createUser(input: CreateStediUserInput): Promise<CreatedStediUser> {
    return this.sender.send({ method: "POST", path: "/users", body: input, schema: createdStediUserSchema });
  }
  readUser(username: string): Promise<StediUser> {
    return this.sender.send({ method: "GET", path: `/users/${seg(username)}`, schema: stediUserSchema });
  }
  updateUser(username: string, input: UpdateStediUserInput): Promise<StediUser> {
    return this.sender.send({ method: "PUT", path: `/users/${seg(username)}`, body: input, schema: stediUserSchema });
  }
  deleteUser(username: string): Promise<void> {
    return this.sender.send({ method: "DELETE", path: `/users/${seg(username)}` });
  }
  listUsersPage(pageSize?: number, pageToken?: string): Promise<z.infer<typeof userPageSchema>> {
    return this.sender.send({ method: "GET", path: "/users", query: { pageSize, pageToken }, schema: userPageSchema });
  }
  async listUsers(): Promise<StediUser[]> {
    const users: StediUser[] = [];
    let token: string | undefined;
    do {
      const page = await this.listUsersPage(100, token);
      users.push(...page.items);
      token = page.nextPageToken;
    } while (token);
    return users;
  }

  close(): Promise<void> {
    return this.sender.close();
  }
}
