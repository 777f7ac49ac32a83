import type { MessageKey, Params } from './i18n/index.ts';

export type ErrorCode =
  | 'validation'
  | 'bad_request'
  | 'unauthenticated'
  | 'forbidden'
  | 'not_found'
  | 'conflict'
  | 'rate_limited'
  | 'csrf';

const statusOf: Record<ErrorCode, 400 | 401 | 403 | 404 | 409 | 422 | 429> = {
  validation: 422,
  bad_request: 400,
  unauthenticated: 401,
  forbidden: 403,
  not_found: 404,
  conflict: 409,
  rate_limited: 429,
  csrf: 403,
};

/** What is wrong with one form field, as a catalogue key and its placeholders. */
export interface FieldIssue {
  key: MessageKey;
  params?: Params;
}
export type FieldErrors = Record<string, FieldIssue>;

/**
 * The one error type use cases throw. Its message is a catalogue key, so the same error reads right in every
 * language; `params` fill the placeholders.
 */
export class AppError extends Error {
  constructor(
    readonly code: ErrorCode,
    readonly messageKey: MessageKey,
    readonly params: Params = {},
    readonly fields: FieldErrors = {},
  ) {
    super(messageKey);
  }

  get status() {
    return statusOf[this.code];
  }
}

export const notFound = () => new AppError('not_found', 'error.not_found');
export const forbidden = () => new AppError('forbidden', 'error.forbidden');

export function fieldError(field: string, key: MessageKey, params?: Params): AppError {
  return new AppError('validation', 'error.validation', {}, { [field]: { key, params } });
}

/** For form handlers: the field errors of a validation failure (to re-render the form); anything else is rethrown. */
export function validationFields(err: unknown): FieldErrors {
  if (err instanceof AppError && err.code === 'validation') return err.fields;
  throw err;
}
