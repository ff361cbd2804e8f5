import { serveProvider, ServeOptions } from '../protocol/serve';
import { PROVIDER_RPCS, ProviderHandlers } from '../protocol/wire';
import { createProviderHandlers } from './provider-server';
import { ProviderDefinition } from './resource';

/** A provider definition, or a function that loads it (so that its modules load after the handshake). */
export type ProviderSource<M> = ProviderDefinition<M> | (() => Promise<ProviderDefinition<M>>);

/**
 * Handlers that load the definition on first use. Terraform dials the provider only after it
 * reads the handshake line, so a definition whose modules are heavy (an SDK, validation
 * schemas) is loaded after that line is printed instead of delaying it.
 */
export function lazyProviderHandlers<M>(load: () => Promise<ProviderDefinition<M>>): { handlers: ProviderHandlers; warm(): Promise<unknown> } {
  let ready: Promise<ProviderHandlers> | undefined;
  const loaded = () => (ready ??= load().then(createProviderHandlers));
  const handlers = Object.fromEntries(
    PROVIDER_RPCS.map((rpc) => [rpc, (request: Record<string, unknown>) => loaded().then((h) => h[rpc](request))]),
  ) as unknown as ProviderHandlers;
  return { handlers, warm: loaded };
}

/** Serves a provider definition to the Terraform that started this process. */
export async function runProvider<M>(source: ProviderSource<M>, options?: ServeOptions): Promise<void> {
  if (typeof source !== 'function') return serveProvider(createProviderHandlers(source), options);
  const lazy = lazyProviderHandlers(source);
  await serveProvider(lazy.handlers, options);
  // Load while Terraform connects and asks for the schema; a failure surfaces on the first RPC.
  setImmediate(() => lazy.warm().catch(() => undefined));
}
