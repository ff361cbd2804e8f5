/**
 * Layering of src/ (DESIGN.md "Layout"): which folder may import which. `npm test` runs it
 * (`npm run lint:layers`), and test/layering.test.ts proves it fails on wrong-way imports.
 */
const ALLOWED = {
  'tenant-spec': [],
  aws: ['tenant-spec'],
  engine: ['aws', 'tenant-spec'],
  render: ['engine/model', 'tenant-spec'],
  constructs: ['tenant-spec', 'bindings'],
  bindings: [],
  hooks: ['engine', 'aws', 'tenant-spec'],
  provider: ['engine', 'aws', 'tenant-spec'],
  runtime: ['engine', 'aws', 'tenant-spec'],
  cli: ['engine', 'render', 'emulator', 'aws', 'tenant-spec', 'runtime'],
  emulator: [],
};

const folderRules = Object.entries(ALLOWED).map(([folder, allowed]) => ({
  name: `layers-${folder}`,
  comment: `src/${folder} may import ${allowed.length ? allowed.map((a) => `src/${a}`).join(', ') : 'nothing else in src'}`,
  severity: 'error',
  from: { path: `^src/${folder}/` },
  to: { path: '^src/', pathNot: [`^src/${folder}/`, ...allowed.map((a) => `^src/${a}(/|\\.ts$)`)] },
}));

module.exports = {
  forbidden: [
    ...folderRules,
    {
      name: 'cdktf-only-in-constructs',
      comment: 'cdktf, constructs and @cdktf/provider-aws load hundreds of MB: only src/constructs, the generated src/bindings (and the package root) import them',
      severity: 'error',
      from: { path: '^src/', pathNot: ['^src/constructs/', '^src/bindings/', '^src/index\\.ts$'] },
      to: { path: '(^|/)node_modules/(cdktf|constructs|@cdktf/provider-aws)/' },
    },
    {
      name: 'runtime-loads-no-cdktf',
      comment: 'cdktf-ses-tenants/runtime loads in a service or a Lambda with the package and the AWS SDK only: nothing it reaches, directly or through the engine, imports cdktf, cdktn or constructs',
      severity: 'error',
      from: { path: '^src/runtime/' },
      to: { path: '(^|/)node_modules/(cdktf|cdktn|constructs|@cdktf/provider-aws)/', reachable: true },
    },
    {
      name: 'ses-sdk-only-in-aws',
      comment: '@aws-sdk/client-sesv2 (its commands above all) is imported only in src/aws: the gateway and the client factory',
      severity: 'error',
      from: { path: '^src/', pathNot: ['^src/aws/'] },
      to: { path: '(^|/)node_modules/@aws-sdk/client-sesv2/' },
    },
    {
      name: 'plugin-protocol-knows-no-tenants',
      comment: 'src/provider/protocol and src/provider/framework (the plugin-go and plugin-framework layers) know nothing of tenants: no engine, aws or tenant-spec',
      severity: 'error',
      from: { path: '^src/provider/(protocol|framework)/' },
      to: { path: '^src/', pathNot: ['^src/provider/(protocol|framework)/'] },
    },
    {
      name: 'grpc-and-msgpack-only-in-provider-protocol',
      comment: 'the wire libraries (grpc-js, protobufjs, msgpack) are the protocol layer\'s alone',
      severity: 'error',
      from: { path: '^src/', pathNot: ['^src/provider/protocol/'] },
      to: { path: '(^|/)node_modules/(@grpc/grpc-js|protobufjs|@msgpack/msgpack)/' },
    },
    {
      name: 'no-circular',
      comment: 'no import circle inside src',
      severity: 'error',
      from: { path: '^src/' },
      to: { circular: true },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.json' },
    exclude: { path: '(^|/)dist/' },
  },
};
