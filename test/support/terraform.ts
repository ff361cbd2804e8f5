import { spawnSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';

/** What one terraform command printed and how it ended. */
export interface TerraformResult {
  /** Exit code. */
  readonly code: number;
  /** Standard output. */
  readonly stdout: string;
  /** Standard error. */
  readonly stderr: string;
}

/** A terraform command failed. */
export class TerraformCommandError extends Error {
  constructor(
    readonly args: readonly string[],
    readonly result: TerraformResult,
  ) {
    super(`terraform ${args.join(' ')} exited with ${result.code}\n${result.stderr || result.stdout}`);
    this.name = 'TerraformCommandError';
  }
}

/** Options of a workspace. */
export interface TerraformWorkspaceOptions {
  /**
   * Extra environment of every terraform command (and so of the provisioners it runs).
   * @default - none
   */
  readonly env?: NodeJS.ProcessEnv;
}

let available: boolean | undefined;

/** True when a `terraform` binary can be run (asked once per test file). */
export function terraformAvailable(): boolean {
  available ??= spawnSync('terraform', ['version'], { env: terraformEnv(), encoding: 'utf8' }).status === 0;
  return available;
}

/** What a test run says when it finds no terraform (`.ci/run` says the same). */
export const TERRAFORM_REQUIRED = 'terraform not found on PATH; the tests require it, install Terraform >= 1.7 (the tests run 1.11)';

/**
 * `describe` for suites that run the real terraform. Without terraform the suite holds one
 * failing test saying so: the tests never pass by skipping what they could not run.
 */
export function describeWithTerraform(name: string, fn: () => void): void {
  if (terraformAvailable()) describe(name, fn);
  else describe(name, () => test('terraform is on PATH', failWithoutTerraform));
}

/** `test` for one test that runs the real terraform: failed without it, as {@link describeWithTerraform}. */
export function testWithTerraform(name: string, fn: jest.ProvidesCallback, timeout?: number): void {
  if (terraformAvailable()) test(name, fn, timeout);
  else test(name, failWithoutTerraform);
}

function failWithoutTerraform(): never {
  throw new Error(TERRAFORM_REQUIRED);
}

function terraformEnv(extra: NodeJS.ProcessEnv = {}): NodeJS.ProcessEnv {
  return { ...process.env, CHECKPOINT_DISABLE: '1', TF_IN_AUTOMATION: '1', TF_INPUT: '0', ...extra };
}

/** Runs `terraform ARGS` in `dir` (offline-friendly environment); throws TerraformCommandError on a non-zero exit unless `allowFailure`. */
export function runTerraform(
  dir: string,
  args: readonly string[],
  options: { env?: NodeJS.ProcessEnv; allowFailure?: boolean } = {},
): TerraformResult {
  const out = spawnSync('terraform', [...args], { cwd: dir, env: terraformEnv(options.env), encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
  const result = { code: out.status ?? -1, stdout: out.stdout ?? '', stderr: out.stderr ?? String(out.error ?? '') };
  if (result.code !== 0 && !options.allowFailure) throw new TerraformCommandError(args, result);
  return result;
}

/**
 * A temporary working copy of a synthesized stack directory, where the real terraform runs
 * offline (stacks with `terraform_data` only; no provider download). The state stays inside the
 * copy: the synthesized backend is replaced by a local `terraform.tfstate`. Load a newer synth of
 * the same stack with `load` to apply a change against the same state.
 */
export class TerraformWorkspace {
  /** The working directory. */
  readonly dir: string;
  private readonly env?: NodeJS.ProcessEnv;
  private initialized = false;

  constructor(options: TerraformWorkspaceOptions = {}) {
    this.dir = fs.mkdtempSync(path.join(os.tmpdir(), 'tf-workspace-'));
    this.env = options.env;
  }

  /** Copies `cdk.tf.json` and `assets/` of a synthesized stack directory into the workspace, keeping the state. */
  load(stackDir: string): this {
    const config = JSON.parse(fs.readFileSync(path.join(stackDir, 'cdk.tf.json'), 'utf8')) as {
      terraform?: { backend?: unknown };
    };
    config.terraform = { ...config.terraform, backend: { local: { path: 'terraform.tfstate' } } };
    fs.writeFileSync(path.join(this.dir, 'cdk.tf.json'), JSON.stringify(config, null, 2));
    fs.rmSync(path.join(this.dir, 'assets'), { recursive: true, force: true });
    const assets = path.join(stackDir, 'assets');
    if (fs.existsSync(assets)) fs.cpSync(assets, path.join(this.dir, 'assets'), { recursive: true });
    return this;
  }

  /** Runs `terraform ARGS` in the workspace; throws TerraformCommandError on a non-zero exit unless `allowFailure`. */
  run(args: readonly string[], options: { allowFailure?: boolean } = {}): TerraformResult {
    return runTerraform(this.dir, args, { env: this.env, allowFailure: options.allowFailure });
  }

  /** `terraform init` (once). */
  init(): TerraformResult | undefined {
    if (this.initialized) return undefined;
    const result = this.run(['init', '-input=false', '-no-color']);
    this.initialized = true;
    return result;
  }

  /** `terraform validate`. */
  validate(): TerraformResult {
    this.init();
    return this.run(['validate', '-no-color']);
  }

  /** `terraform apply -auto-approve`, after init. */
  apply(...extraArgs: string[]): TerraformResult {
    this.init();
    return this.run(['apply', '-auto-approve', '-input=false', '-no-color', ...extraArgs]);
  }

  /** `terraform destroy -auto-approve`, after init. */
  destroy(...extraArgs: string[]): TerraformResult {
    this.init();
    return this.run(['destroy', '-auto-approve', '-input=false', '-no-color', ...extraArgs]);
  }

  /** Addresses of the resource instances in the state. */
  stateList(): string[] {
    const out = this.run(['state', 'list'], { allowFailure: true });
    return out.code === 0 ? out.stdout.split('\n').filter(Boolean) : [];
  }

  /** Deletes the workspace. */
  dispose(): void {
    fs.rmSync(this.dir, { recursive: true, force: true });
  }
}
