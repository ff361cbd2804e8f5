import type { SendingStatus } from './tenant-spec';

/** Sending statuses as SES spells them: customer-managed, AWS-managed and aggregate alike. */
export const SES_SENDING_STATUSES = ['ENABLED', 'DISABLED', 'REINSTATED'] as const;
/** A sending status as SES spells it (REINSTATED: sending again despite findings). */
export type SesSendingStatus = (typeof SES_SENDING_STATUSES)[number];

/** The SES customer-managed status a declared sending status stands for. */
export function sesSendingStatus(status: SendingStatus): SesSendingStatus {
  return status === 'enabled' ? 'ENABLED' : 'DISABLED';
}

/** The declared sending status a live customer-managed status stands for: DISABLED is `disabled`; ENABLED, REINSTATED and none are `enabled`. */
export function declaredSendingStatus(status: string | null | undefined): SendingStatus {
  return status === 'DISABLED' ? 'disabled' : 'enabled';
}

/** A sending status SES answered, or undefined when it is none of {@link SES_SENDING_STATUSES}. */
export function parseSesSendingStatus(value: string | null | undefined): SesSendingStatus | undefined {
  return (SES_SENDING_STATUSES as readonly (string | null | undefined)[]).includes(value) ? (value as SesSendingStatus) : undefined;
}
