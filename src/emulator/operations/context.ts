import type { OperationInput } from '../http/input';
import type { BackendSettings, EmulatorBackend } from '../state/backend';
import type { Draws } from '../state/draws';
import type { RegionState } from '../state/region-state';

/** What an operation handler gets: the decoded input, the caller's account and region, and their state. */
export interface OperationContext extends OperationInput {
  /** The caller's account. */
  readonly accountId: string;
  /** The caller's region. */
  readonly region: string;
  /** The account's state in that region. */
  readonly state: RegionState;
  /** The whole backend (messages). */
  readonly backend: EmulatorBackend;
  /** The backend switches in force for this request (recorded with it in the journal). */
  readonly settings: Readonly<BackendSettings>;
  /** Clock and id source. */
  readonly draws: Draws;
}

/** An SES operation: takes the context, returns the JSON response body or throws an EmulatorError. */
export type OperationHandler = (ctx: OperationContext) => unknown;
