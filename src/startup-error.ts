/**
 * An error an admin can fix (a setting, a content file). main() prints its
 * message alone, without a stack trace, and exits with code 1.
 */
export class StartupError extends Error {
  override name = 'StartupError';
}
