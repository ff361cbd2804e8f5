import type * as Protobuf from 'protobufjs/light';
import { PROVIDER_RPCS, ProviderRpc, TFPLUGIN6_DESCRIPTOR } from './tfplugin6-descriptor';
import { DynamicValueWire } from './dynamic-value';

// protobufjs and the reflection of the descriptor (10–20 ms) load on the first message, not at
// start-up: the handshake line comes first (serveProvider warms this right after printing it).
let root: Protobuf.Root | undefined;
function tfplugin6Root(): Protobuf.Root {
  return (root ??= (require('protobufjs/light') as typeof Protobuf).Root.fromJSON(TFPLUGIN6_DESCRIPTOR as Protobuf.INamespace));
}

/** A message codec: bytes ⇄ plain object with tfplugin6 field names (int64 as number, bytes as Buffer). */
export interface MessageCodec {
  decode(bytes: Buffer): Record<string, unknown>;
  encode(message: object): Buffer;
}

function codec(typeName: string): MessageCodec {
  let resolved: Protobuf.Type | undefined;
  const type = () => (resolved ??= tfplugin6Root().lookupType(typeName));
  return {
    decode: (bytes) => type().toObject(type().decode(bytes), { longs: Number, enums: Number, defaults: false }),
    encode: (message) => Buffer.from(type().encode(type().fromObject(message as Record<string, unknown>)).finish()),
  };
}

/** Loads the message codecs now (after the handshake line, before Terraform's first call). */
export function warmWireCodecs(): void {
  tfplugin6Root();
}

/** Request and response codecs of one `tfplugin6.Provider` RPC. */
export function providerRpcCodecs(rpc: ProviderRpc): { request: MessageCodec; response: MessageCodec } {
  return { request: codec(`tfplugin6.${rpc}.Request`), response: codec(`tfplugin6.${rpc}.Response`) };
}

/** Codec of go-plugin's `plugin.Empty`. */
export const emptyCodec = codec('plugin.Empty');

export { PROVIDER_RPCS };
export type { ProviderRpc };

/** Severity of a diagnostic. */
export enum Severity {
  ERROR = 1,
  WARNING = 2,
}

/** One step of an attribute path: an attribute name, a map key or a list index. */
export type PathStepWire = { attribute_name: string } | { element_key_string: string } | { element_key_int: number };

/** `tfplugin6.AttributePath`. */
export interface AttributePathWire {
  readonly steps: readonly PathStepWire[];
}

/** `tfplugin6.Diagnostic`. */
export interface DiagnosticWire {
  readonly severity: Severity;
  readonly summary: string;
  readonly detail?: string;
  readonly attribute?: AttributePathWire;
}

/** `tfplugin6.Schema.Attribute`. */
export interface SchemaAttributeWire {
  readonly name: string;
  readonly type: Buffer;
  readonly description?: string;
  readonly required?: boolean;
  readonly optional?: boolean;
  readonly computed?: boolean;
  readonly sensitive?: boolean;
  readonly deprecated?: boolean;
}

/** `tfplugin6.Schema.Block`. */
export interface SchemaBlockWire {
  readonly version?: number;
  readonly attributes: readonly SchemaAttributeWire[];
  readonly block_types: readonly NestedBlockWire[];
  readonly description?: string;
  readonly deprecated?: boolean;
}

/** `tfplugin6.Schema.NestedBlock` (nesting 1 single, 2 list, 3 set, 4 map, 5 group). */
export interface NestedBlockWire {
  readonly type_name: string;
  readonly block: SchemaBlockWire;
  readonly nesting: 1 | 2 | 3 | 4 | 5;
  readonly min_items?: number;
  readonly max_items?: number;
}

/** `tfplugin6.Schema`. */
export interface SchemaWire {
  readonly version: number;
  readonly block: SchemaBlockWire;
}

/** `tfplugin6.RawState`. */
export interface RawStateWire {
  readonly json?: Uint8Array;
  readonly flatmap?: Record<string, string>;
}

/** The handlers of the `tfplugin6.Provider` RPCs: a request object in, a response object out. */
export type ProviderHandlers = {
  readonly [R in ProviderRpc]: (request: Record<string, unknown>) => Promise<object>;
};

export type { DynamicValueWire };
