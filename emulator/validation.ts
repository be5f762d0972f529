import { z, type ZodType } from "zod";
import { absolutePathRule, isAbsolutePath, meetsPasswordPolicy, passwordPolicy } from "../sdk/sftptogo/rules";
import { Failure } from "./http";

/** Parses a request body strictly: unknown fields and bad values become a 400 naming each field. */
export function parseBody<T>(schema: ZodType<T>, body: unknown): T {
  const result = schema.safeParse(body ?? {});
  if (result.success) return result.data;
  const fields = result.error.issues.flatMap((issue) => {
    if (issue.code === "unrecognized_keys") {
      return issue.keys.map((key) => ({ field: [...issue.path, key].join("."), message: "is not a known field" }));
    }
    return [{ field: issue.path.join(".") || "(body)", message: issue.message }];
  });
  const summary = fields.map((f) => `${f.field} ${f.message}`).join("; ");
  throw new Failure(400, "ValidationError", `Invalid request: ${summary}`, fields);
}

export const passwordField = z.string().refine(meetsPasswordPolicy, { message: `must meet the password policy: ${passwordPolicy}` });
export const absolutePath = z.string().refine(isAbsolutePath, `must be ${absolutePathRule}`);
