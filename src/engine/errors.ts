import { arnLocationOf } from '../tenant-spec/arn';

/** Named errors of the engine: each says what is wrong and how to fix it. */

/** The synthesized desired state cannot be read or is invalid (before any API call). */
export class DesiredStateError extends Error {
  override readonly name = 'DesiredStateError';
}

/** The inputs of the diff are inconsistent (for example a stack whose region was not read). */
export class PlanInputError extends Error {
  override readonly name = 'PlanInputError';
}

/** A plan file is missing, truncated, corrupt or of another format version. */
export class PlanFileError extends Error {
  override readonly name = 'PlanFileError';
}

/** The plan deletes tenants but deletes were not allowed; nothing was changed. */
export class DeleteNotAllowedError extends Error {
  /** `stack/tenant` of every delete the plan contains. */
  readonly deletes: readonly string[];

  constructor(deletes: readonly string[]) {
    const shown = deletes.slice(0, 10).join(', ') + (deletes.length > 10 ? `, and ${deletes.length - 10} more` : '');
    super(
      `the plan deletes ${deletes.length} tenant${deletes.length === 1 ? '' : 's'} (${shown}); ` +
        'a delete loses the TenantId and its reputation history. Nothing was changed. ' +
        'Re-run with --allow-delete if the deletes are intended',
    );
    this.name = 'DeleteNotAllowedError';
    this.deletes = deletes;
  }
}

/** The live state moved since the plan was computed; the plan was not applied. */
export class StalePlanError extends Error {
  override readonly name = 'StalePlanError';
}

/** A tenant is owned by another stack or app, so this one must not change it. */
export class OwnershipError extends Error {
  override readonly name = 'OwnershipError';
}

/** SES answered for another account, region or partition than the stack targets (credentials of the wrong account); nothing was changed. */
export class TargetMismatchError extends Error {
  constructor(expected: { partition: string; region: string; account: string }, seenArn: string) {
    const { partition, region, account } = arnLocationOf(seenArn) ?? { partition: '?', region: '?', account: '?' };
    const where = account !== expected.account ? `act in account ${account}` : `act in ${partition}/${region}/${account}`;
    super(
      `the credentials ${where} (SES listed ${seenArn}), but the stack targets ${expected.partition}/${expected.region}/${expected.account}. ` +
        `Nothing was changed; use credentials, a profile or a role of account ${expected.account}`,
    );
    this.name = 'TargetMismatchError';
  }
}
