import { AttributePathWire, DiagnosticWire, Severity } from '../protocol/wire';
import type { TfObject } from '../protocol/value';

/** One step of an attribute path: an attribute name, a list index, or a map key. */
export type PathStep = string | number | { readonly key: string };

/** Where in a configuration a diagnostic points. */
export type AttributePath = readonly PathStep[];

/** A message for the user, shown by Terraform with the configuration line it points at. */
export interface Diagnostic {
  /** Error or warning. */
  readonly severity: 'error' | 'warning';
  /** One line. */
  readonly summary: string;
  /**
   * What happened and how to fix it.
   * @default - none
   */
  readonly detail?: string;
  /**
   * The attribute it is about.
   * @default - the whole resource
   */
  readonly path?: AttributePath;
}

/**
 * An error to report as a diagnostic (a resource throws it). `partialState` is what exists after
 * a create or update that failed half-way, so Terraform keeps track of it.
 */
export class ProviderError extends Error {
  constructor(
    readonly summary: string,
    readonly detail?: string,
    readonly path?: AttributePath,
    readonly partialState?: TfObject,
  ) {
    super(detail ? `${summary}: ${detail}` : summary);
    this.name = 'ProviderError';
  }
}

/** The diagnostics gathered while answering one RPC. */
export class Diagnostics {
  private readonly items: Diagnostic[] = [];

  /** Adds an error. */
  error(summary: string, detail?: string, path?: AttributePath): void {
    this.items.push({ severity: 'error', summary, detail, path });
  }

  /** Adds a warning. */
  warning(summary: string, detail?: string, path?: AttributePath): void {
    this.items.push({ severity: 'warning', summary, detail, path });
  }

  /**
   * Adds a thrown value: a ProviderError as it is, anything else as "<context> failed" with its
   * message as detail (never its stack).
   */
  fromError(err: unknown, context: string): void {
    if (err instanceof ProviderError) {
      this.error(err.summary, err.detail, err.path);
      return;
    }
    const name = err instanceof Error && err.name && err.name !== 'Error' ? `${err.name}: ` : '';
    this.error(`${context} failed`, `${name}${err instanceof Error ? err.message : String(err)}`);
  }

  /** True when an error was added. */
  get hasErrors(): boolean {
    return this.items.some((d) => d.severity === 'error');
  }

  /** The diagnostics, in the order added. */
  get all(): readonly Diagnostic[] {
    return this.items;
  }

  /** The wire form. */
  toWire(): DiagnosticWire[] {
    return this.items.map((d) => ({
      severity: d.severity === 'error' ? Severity.ERROR : Severity.WARNING,
      summary: d.summary,
      ...(d.detail ? { detail: d.detail } : {}),
      ...(d.path && d.path.length > 0 ? { attribute: pathToWire(d.path) } : {}),
    }));
  }
}

/** An attribute path in the wire form. */
export function pathToWire(path: AttributePath): AttributePathWire {
  return {
    steps: path.map((step) =>
      typeof step === 'string'
        ? { attribute_name: step }
        : typeof step === 'number'
          ? { element_key_int: step }
          : { element_key_string: step.key },
    ),
  };
}
