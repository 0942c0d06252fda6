/** The warden package entry: the policy API that built-in and user policies are written against. */
export * from './api.js';
