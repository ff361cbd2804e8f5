import { runProvider } from '../framework/run-provider';
import { sesTenantsProvider } from './provider';

// Entry of the bundled provider (dist/terraform-provider-sestenants.js) that Terraform starts.
void runProvider(sesTenantsProvider);
