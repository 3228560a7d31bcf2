/**
 * The one error type of the domain. The HTTP layer maps {@link VerbatimError.code} to a status
 * code in a single error handler, so use cases throw and never think about HTTP.
 */

/** Every error code the archive can answer with, and the HTTP status each one means. */
export const ERROR_STATUS = {
  bad_request: 400,
  invalid_text: 400,
  invalid_utf8: 400,
  empty_document: 422,
  unreadable_file: 422,
  too_complex: 422,
  unauthorized: 401,
  not_found: 404,
  method_not_allowed: 405,
  request_timeout: 408,
  conflict: 409,
  payload_too_large: 413,
  unsupported_media_type: 415,
  headers_too_large: 431,
  internal: 500,
} as const;

export type ErrorCode = keyof typeof ERROR_STATUS;

/**
 * An expected failure with a message written for the user who can fix it.
 *
 * @example
 * ```ts
 * throw new VerbatimError('not_found', `No document with id ${id}.`);
 * ```
 */
export class VerbatimError extends Error {
  readonly code: ErrorCode;
  readonly details?: unknown;

  constructor(code: ErrorCode, message: string, details?: unknown) {
    super(message);
    this.name = 'VerbatimError';
    this.code = code;
    this.details = details;
  }

  get status(): number {
    return ERROR_STATUS[this.code];
  }
}
