/** A construct-layer module that the engine must not import. */
export const STACK_KIND = 'tenant-stack';
