/**
 * A write the caller needs committed in the same transaction as a command's own write:
 * the stored answer of an Idempotency-Key, so that a write without its answer cannot
 * exist. The domain only passes it on to its store port; the store knows what it holds.
 */
export interface Attachment {
  readonly attachment: true;
}

/** Builds the attachment from the command's result (known before the write), or undefined when there is none. */
export type Attach<Result> = ((result: Result) => Attachment) | undefined;
