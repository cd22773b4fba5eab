/**
 * An error the user caused (bad option, unknown article, empty query). It carries a message
 * written for the person who typed the command; transports show it privately / exit 1.
 * Anything else that is thrown is a bug.
 */
export class UserError extends Error {
  override readonly name = 'UserError';
  constructor(
    message: string,
    /** A stable identifier tests and logs can match on. */
    readonly identifier: string = 'user',
  ) {
    super(message);
  }
}

/** The archive or the setup is unusable (missing folder, unreadable cache dir): exit 2. */
export class SetupError extends Error {
  override readonly name = 'SetupError';
}

export const isUserError = (e: unknown): e is UserError => e instanceof UserError;
