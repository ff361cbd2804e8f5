import { isNotFound, type SesGateway } from '../aws/ses-gateway';
import { listTenantResources, toLiveTenant } from '../engine/live';
import type { LiveTenant } from '../engine/model';
import { tenantArnPrefix, type ArnLocation } from '../tenant-spec/arn';

/**
 * One tenant as ensure plans against it, cheapest for a sign-up: GetTenant alone first (a new
 * tenant costs this one read), and only for a tenant that exists its resources and its reputation
 * entity (ListTenantResources and a ListReputationEntities filtered to its ARN, together).
 */
export async function readTenantForEnsure(ses: SesGateway, at: ArnLocation, name: string): Promise<LiveTenant | undefined> {
  const tenant = await ses.getTenant(name);
  if (!tenant) return undefined;
  const arn = tenant.TenantArn ?? '';
  const [resources, page] = await Promise.all([
    listTenantResources(ses, name).catch((err: unknown) => {
      if (isNotFound(err)) return undefined;
      throw err;
    }),
    ses.listReputationEntitiesPage(tenantArnPrefix(at, name)),
  ]);
  // Deleted by another writer between the two reads.
  if (resources === undefined) return undefined;
  const entity = page.items.find((e) => e.ReputationEntityReference === arn) ?? (await ses.getReputationEntity(arn));
  return toLiveTenant(tenant, resources, entity);
}
