export * from './cty-type';
export * from './dynamic-value';
export * from './handshake';
export * from './self-signed-cert';
export * from './serve';
export * from './value';
export * from './wire';
