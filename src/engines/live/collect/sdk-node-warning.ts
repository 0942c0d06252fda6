/** The AWS SDK's documented switch for its Node.js support warning. */
export const SDK_NODE_WARNING_SWITCH = 'AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED';

/**
 * warden supports Node 20 (package.json `engines`) and installs AWS SDK versions that run on it; the
 * SDK's notice that its later versions will need Node 22 is for warden's maintainers, not for each
 * audit's stderr. Set before the first client is made; a value the user set is left as it is.
 */
export function quietSdkNodeWarning(env: NodeJS.ProcessEnv = process.env): void {
  env[SDK_NODE_WARNING_SWITCH] ??= 'true';
}
