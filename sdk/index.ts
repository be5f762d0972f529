export * from "./errors";
export * from "./retry";
export { RequestSender, type RequestSenderOptions } from "./transport";
export * from "./sftptogo/schemas";
export * from "./sftptogo/client";
export * from "./stedi/client";
