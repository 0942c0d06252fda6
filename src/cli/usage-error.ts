/** A mistake in how warden was called (bad flag value, unknown format). Exit 2, one line, no stack. */
export class UsageError extends Error {}
