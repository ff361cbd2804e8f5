import { whoAmI } from '../../aws/account-guard';
import { createSesClient } from '../../aws/client';
import { sesGateway, type SesGateway } from '../../aws/ses-gateway';

/** Options of the SES client the provider builds. */
export interface ProviderClientOptions {
  /** AWS region of the tenants. */
  readonly region: string;
  /** SES v2 endpoint. @default - AWS */
  readonly endpoint?: string;
  /** Shared-config profile. @default - the standard credential chain */
  readonly profile?: string;
  /** Role to assume with STS. @default - none */
  readonly assumeRoleArn?: string;
  /** Client-side pacing. @default - none */
  readonly maxRequestsPerSecond?: number;
}

/** The SES v2 gateway of the provider (standard credential chain; Node-version warning silenced). */
export function providerGateway(options: ProviderClientOptions): SesGateway {
  return sesGateway(createSesClient(options));
}

/** The account the gateway's credentials act in (one STS GetCallerIdentity, at the SES endpoint when one is given). */
export async function callerAccount(gateway: SesGateway, region: string, sesEndpoint?: string): Promise<string> {
  return (await whoAmI(gateway.client, region, { sesEndpoint })).account;
}
