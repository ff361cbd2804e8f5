import { runProvider } from '../framework/run-provider';

// Entry of the bundled provider (dist/terraform-provider-sestenants.js) that Terraform starts.
// The provider (the SDK, the spec's zod schemas, the engine) loads after the handshake line:
// esbuild keeps a dynamic import inside the one bundle and runs its modules only when called.
void runProvider(() => import('./provider').then((m) => m.sesTenantsProvider));
