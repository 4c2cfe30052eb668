import { STATUS_CODES } from 'node:http';

/** An error that becomes an HTTP answer with its status and message (4xx: the message is shown). */
export class HttpError extends Error {
  constructor(
    readonly statusCode: number,
    message: string,
    readonly headers: Record<string, string> = {},
  ) {
    super(message);
  }
}

export const errorBody = (statusCode: number, message: string, error = STATUS_CODES[statusCode] ?? 'Error') => ({
  statusCode,
  error,
  message,
});
