import type { SesGateway } from '../aws/ses-gateway';
import { readLiveTenantRecord } from '../engine/live';
import type { LiveTenant } from '../engine/model';
import type { ArnLocation } from '../tenant-spec/arn';

/**
 * One tenant as ensure plans against it, cheapest for a sign-up: GetTenant alone first (a new
 * tenant costs this one read), and only for a tenant that exists the rest of the engine's live
 * read (ListTenantResources and a ListReputationEntities filtered to its ARN, together).
 */
export async function readTenantForEnsure(ses: SesGateway, at: ArnLocation, name: string): Promise<LiveTenant | undefined> {
  const tenant = await ses.getTenant(name);
  // Undefined too when deleted by another writer between the reads.
  return tenant && (await readLiveTenantRecord(ses, at, name, 'all', { tenant }))?.live;
}
