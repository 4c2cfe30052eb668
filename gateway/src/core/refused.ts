/**
 * A change the domain refuses: what it named does not exist, the thing is not in a state that
 * allows it, or the request is incomplete. The HTTP layer's one error handler answers it as 404,
 * 409 or 400 with this message.
 */
export class Refused extends Error {
  constructor(
    readonly reason: 'not-found' | 'conflict' | 'invalid',
    message: string,
  ) {
    super(message);
  }
}
