/**
 * The one error hierarchy of the sdk. Every failure of an API call is an ApiError created by
 * `errorFromResponse` or `ConnectionError`; messages never contain credentials or request bodies.
 */
export interface ApiErrorDetails {
  status?: number;
  requestId?: string;
  code?: string;
  method: string;
  path: string;
  /** Field-level problems reported by the service (Stedi's fieldList, say). */
  fields?: { path: string; message: string }[];
  /** How long the server asked the client to wait before trying again. */
  retryAfterMs?: number;
  /** For failures without a response: whether the request may have reached the server. */
  requestSent?: boolean;
  cause?: unknown;
}

export class ApiError extends Error {
  readonly status?: number;
  readonly requestId?: string;
  readonly code?: string;
  readonly method: string;
  readonly path: string;
  readonly fields: { path: string; message: string }[];
  readonly retryAfterMs?: number;
  readonly requestSent: boolean;

  constructor(message: string, details: ApiErrorDetails) {
    super(message, details.cause === undefined ? undefined : { cause: details.cause });
    this.name = new.target.name;
    this.status = details.status;
    this.requestId = details.requestId;
    this.code = details.code;
    this.method = details.method;
    this.path = details.path;
    this.fields = details.fields ?? [];
    this.retryAfterMs = details.retryAfterMs;
    this.requestSent = details.requestSent ?? true;
  }
}

export class AuthenticationError extends ApiError {}
export class PermissionError extends ApiError {}
export class NotFoundError extends ApiError {}
export class ConflictError extends ApiError {}
export class ValidationError extends ApiError {}
export class RateLimitError extends ApiError {}
export class ServerError extends ApiError {}
/** The request never produced a response: refused, reset or timed out. */
export class ConnectionError extends ApiError {}
/** The service answered with a body that does not match the documented shape. */
export class ResponseShapeError extends ApiError {}

function classFor(status: number): new (message: string, details: ApiErrorDetails) => ApiError {
  if (status === 400 || status === 422) return ValidationError;
  if (status === 401) return AuthenticationError;
  if (status === 403) return PermissionError;
  if (status === 404) return NotFoundError;
  if (status === 409) return ConflictError;
  if (status === 429) return RateLimitError;
  if (status >= 500) return ServerError;
  return ApiError;
}

export function errorFromResponse(
  serviceMessage: string | undefined,
  details: ApiErrorDetails & { status: number },
): ApiError {
  const ErrorClass = classFor(details.status);
  const prefix = `${details.method} ${details.path} failed with ${details.status}`;
  const message = serviceMessage ? `${prefix}: ${serviceMessage}` : prefix;
  return new ErrorClass(details.requestId ? `${message} (request id ${details.requestId})` : message, details);
}
