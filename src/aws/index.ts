/** SES access: the client factory, the gateway (the only home of SES commands), call counting and pacing. */
export * from './client';
export * from './ses-gateway';
export { countCalls, type CallCounter, type CallCounts } from './call-counter';
export { paceRequests, type Pace } from './pacing';
export { assumeRoleCredentials, type AssumeRoleOptions, type CredentialProvider } from './assume-role';
