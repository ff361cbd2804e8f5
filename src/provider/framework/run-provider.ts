import { serveProvider, ServeOptions } from '../protocol/serve';
import { createProviderHandlers } from './provider-server';
import { ProviderDefinition } from './resource';

/** Serves a provider definition to the Terraform that started this process. */
export function runProvider<M>(definition: ProviderDefinition<M>, options?: ServeOptions): Promise<void> {
  return serveProvider(createProviderHandlers(definition), options);
}
