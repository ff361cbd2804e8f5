// The plugin-protocol layer reaching into the tenants' world (tenant-spec): it must know nothing of tenants.
import { NAME } from '../../tenant-spec/a';

export const leaked = NAME;
