import { randomUUID } from 'crypto';
import FindMyWay from 'find-my-way';
import * as http from 'http';
import { setTimeout as sleep } from 'timers/promises';
import { ADMIN_ROUTES, type AdminContext, type AdminRoute } from '../admin/routes';
import { DEFAULT_REGION, type EmulatorBackend } from '../state/backend';
import { EmulatorError, SerializationException, TooManyRequestsException, UnknownOperationException } from '../errors';
import { writeError } from './error-response';
import type { FaultInjector } from '../admin/faults';
import { OPERATION_ROUTES, type OperationRoute } from './routes';
import { LiveDraws } from '../state/draws';
import type { StateStore } from '../persistence/state-store';
import type { SavedState } from '../persistence/snapshot';
import type { StatsRecorder } from '../admin/stats';
import { serveSts } from '../operations/sts';
import { callerOf } from './caller';

/** What the HTTP server serves from. */
export interface ServerDependencies {
  /** All state. */
  readonly backend: EmulatorBackend;
  /** Fault injection. */
  readonly faults: FaultInjector;
  /** Request counts. */
  readonly stats: StatsRecorder;
  /** The state file and journal, when state is persisted. */
  readonly store?: StateStore<SavedState>;
  /** Account of callers whose access key is not a 12-digit account number. */
  readonly defaultAccountId: string;
}

type RouteStore = { kind: 'ses'; route: OperationRoute } | { kind: 'admin'; route: AdminRoute } | { kind: 'sts' };

function readBody(req: http.IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    req.on('error', reject);
  });
}

function parseJsonObject(text: string): Record<string, unknown> {
  if (text.trim() === '') return {};
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    throw new SerializationException('The request body is not valid JSON.');
  }
  if (value === null || typeof value !== 'object' || Array.isArray(value)) {
    throw new SerializationException('The request body must be a JSON object.');
  }
  return value as Record<string, unknown>;
}

function queryOf(url: string): URLSearchParams {
  const at = url.indexOf('?');
  return new URLSearchParams(at === -1 ? '' : url.slice(at + 1));
}

function queryMap(search: URLSearchParams): Map<string, string[]> {
  const map = new Map<string, string[]>();
  for (const [key, value] of search) {
    const list = map.get(key);
    if (list === undefined) map.set(key, [value]);
    else list.push(value);
  }
  return map;
}

function writeJson(res: http.ServerResponse, payload: unknown, requestId: string): void {
  const body = JSON.stringify(payload ?? {});
  res.writeHead(200, {
    'content-type': 'application/json',
    'content-length': Buffer.byteLength(body),
    'x-amzn-requestid': requestId,
  });
  res.end(body);
}

/**
 * The route table: every SES operation and the admin endpoints. find-my-way splits the path on raw
 * `/` and only then percent-decodes each label, so an ARN label such as
 * `arn%3Aaws%3Ases%3A...%3Aidentity%2Fexample.com` arrives whole.
 */
function buildRouter(): FindMyWay.Instance<FindMyWay.HTTPVersion.V1> {
  const router = FindMyWay({ maxParamLength: 4096, caseSensitive: true });
  const noop = () => undefined;
  for (const route of OPERATION_ROUTES) router.on(route.method, route.path, noop, { kind: 'ses', route } satisfies RouteStore);
  for (const route of ADMIN_ROUTES) router.on(route.method, `/_emulator${route.path}`, noop, { kind: 'admin', route } satisfies RouteStore);
  router.on('POST', '/', noop, { kind: 'sts' } satisfies RouteStore);
  return router;
}

/** Creates the HTTP server that speaks SES v2 REST-JSON plus the `/_emulator/` admin endpoints. */
export function createEmulatorServer(deps: ServerDependencies): http.Server {
  const router = buildRouter();
  const admin: AdminContext = deps;

  async function serveSes(req: http.IncomingMessage, res: http.ServerResponse, route: OperationRoute | undefined, params: Record<string, string | undefined>, requestId: string): Promise<void> {
    const operation = route?.operation ?? 'UnknownOperation';
    deps.stats.request(operation);
    try {
      const text = await readBody(req);
      const caller = callerOf(req.headers.authorization, deps.defaultAccountId);
      const throttle = deps.faults.decide(`${caller.accountId}/${caller.region}`);
      const latency = deps.faults.settings.latencyMs;
      if (latency > 0) {
        deps.stats.delayed(latency);
        await sleep(latency);
      }
      if (throttle !== undefined) {
        deps.stats.throttled(operation);
        throw new TooManyRequestsException(throttle === 'rate-limit' ? 'Rate exceeded' : 'Too Many Requests');
      }
      if (route === undefined) throw new UnknownOperationException(`No SES v2 operation is served at ${req.method} ${req.url}`);
      const body = parseJsonObject(text);
      const query = queryMap(queryOf(req.url ?? ''));
      const draws = new LiveDraws();
      const settings = { ...deps.backend.settings };
      const output = route.handler({
        body,
        params: params as Record<string, string>,
        query,
        accountId: caller.accountId,
        region: caller.region,
        state: deps.backend.region(caller.accountId, caller.region),
        backend: deps.backend,
        settings,
        draws,
      });
      if (route.mutates && deps.store !== undefined) {
        await deps.store.record({
          kind: 'ses',
          operation: route.operation,
          accountId: caller.accountId,
          region: caller.region,
          body,
          params: params as Record<string, string>,
          query: [...query],
          draws: draws.taken,
          settings,
        });
      }
      writeJson(res, output, requestId);
    } catch (err) {
      deps.stats.error(err instanceof EmulatorError ? err.code : 'InternalServiceErrorException');
      writeError(res, err, requestId);
    }
  }

  async function serveAdmin(req: http.IncomingMessage, res: http.ServerResponse, route: AdminRoute, requestId: string): Promise<void> {
    try {
      const body = parseJsonObject(await readBody(req));
      const draws = new LiveDraws();
      const output = route.handler(admin, body, queryOf(req.url ?? ''), draws);
      if (route.mutates && deps.store !== undefined) {
        await deps.store.record({
          kind: 'admin',
          operation: route.path,
          accountId: deps.defaultAccountId,
          region: DEFAULT_REGION,
          body,
          params: {},
          query: [],
          draws: draws.taken,
          settings: { ...deps.backend.settings },
        });
      }
      writeJson(res, output, requestId);
    } catch (err) {
      writeError(res, err, requestId);
    }
  }

  return http.createServer((req, res) => {
    const requestId = randomUUID();
    const found = router.find(req.method as FindMyWay.HTTPMethod, req.url ?? '/');
    const store = found?.store as RouteStore | undefined;
    if (store?.kind === 'admin') {
      void serveAdmin(req, res, store.route, requestId);
    } else if (store?.kind === 'sts') {
      void serveSts(req, res, deps, requestId);
    } else {
      void serveSes(req, res, store?.route, found?.params ?? {}, requestId);
    }
  });
}
