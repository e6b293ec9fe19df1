/** One problem with one field of an input, addressed by its JSON path ("payments/0/amount"). */
export interface FieldIssue {
  path: string;
  message: string;
}

/** Base of every error Dragnet raises on purpose; `status` is the HTTP status, `exitCode` the CLI's. */
export class DragnetError extends Error {
  readonly status: number = 500;
  readonly exitCode: number = 1;
  readonly code: string = 'internal';
}

/** Input that does not match its contract; lists every bad field. */
export class ValidationError extends DragnetError {
  override readonly status = 400;
  override readonly code = 'invalid_input';
  constructor(
    message: string,
    readonly issues: FieldIssue[],
  ) {
    super(message);
  }
}

/** The same idempotency key was used before with different content. */
export class ConflictError extends DragnetError {
  override readonly status = 409;
  override readonly code = 'conflict';
  constructor(
    message: string,
    readonly existingId?: string,
  ) {
    super(message);
  }
}

/** Something asked for does not exist. */
export class NotFoundError extends DragnetError {
  override readonly status = 404;
  override readonly code = 'not_found';
}

/** The command line was used wrongly; the message says how to use it. */
export class UsageError extends DragnetError {
  override readonly status = 400;
  override readonly exitCode = 2;
  override readonly code = 'usage';
}

/** A resource (the embedded database, a port) is held by somebody else. */
export class BusyError extends DragnetError {
  override readonly status = 503;
  override readonly code = 'busy';
}
