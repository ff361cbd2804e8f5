import { randomBytes } from 'crypto';
import { TENANT_ID_HEX_DIGITS } from '../choices';

/** The values an operation draws from outside its input: the clock and new ids. Replaying a journal feeds them back. */
export interface Draws {
  /** The current time, epoch seconds. */
  now(): number;
  /** A new TenantId. */
  tenantId(): string;
}

/** A drawn value, as the journal keeps it. */
export type DrawnValue = number | string;

/** Draws from the real clock and random source, remembering every value for the journal. */
export class LiveDraws implements Draws {
  /** The values drawn so far, in order. */
  readonly taken: DrawnValue[] = [];

  /** @inheritdoc */
  now(): number {
    const value = epochSeconds();
    this.taken.push(value);
    return value;
  }

  /** @inheritdoc */
  tenantId(): string {
    const value = `tn-${randomBytes(Math.ceil(TENANT_ID_HEX_DIGITS / 2)).toString('hex').slice(0, TENANT_ID_HEX_DIGITS)}`;
    this.taken.push(value);
    return value;
  }
}

/** Feeds back the values a journaled operation drew, so that replaying it rebuilds the same state. */
export class ReplayDraws implements Draws {
  private next = 0;

  /** @param values the values recorded with the operation */
  constructor(private readonly values: readonly DrawnValue[]) {}

  private take<T extends DrawnValue>(kind: 'number' | 'string'): T {
    const value = this.values[this.next++];
    if (typeof value !== kind) throw new Error(`journal replay diverged: expected a ${kind} draw, found ${String(value)}`);
    return value as T;
  }

  /** @inheritdoc */
  now(): number {
    return this.take<number>('number');
  }

  /** @inheritdoc */
  tenantId(): string {
    return this.take<string>('string');
  }
}

/** The current time as SES timestamps go on the wire: epoch seconds with milliseconds. */
export function epochSeconds(now: number = Date.now()): number {
  return now / 1000;
}
