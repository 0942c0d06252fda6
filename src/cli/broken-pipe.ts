/**
 * `warden scan … | head` closes our stdout early. Node reports that as an unhandled 'error' event
 * (EPIPE) with a stack trace; a reader that has seen enough is not an error, so the output just
 * stops and the exit code stays the scan's. Other stream errors are left to crash loudly.
 */
export function endQuietlyOnBrokenPipe(stream: NodeJS.WriteStream): void {
  if (stream.listeners('error').includes(onStreamError)) return;
  stream.on('error', onStreamError);
}

function onStreamError(this: NodeJS.WriteStream, error: NodeJS.ErrnoException): void {
  // After EPIPE the stream is destroyed, and each later write reports ERR_STREAM_DESTROYED.
  if (error.code === 'EPIPE' || error.code === 'ERR_STREAM_DESTROYED') {
    this.destroy();
    return;
  }
  throw error;
}
