// ts-jest AST transformer: the build's cdktf -> cdktn module renaming (scripts/flavours.js) applied
// to the sources and tests of jest's `cdktn` project, so the construct and binding suites run on
// CDK Terrain exactly as the dist/cdktn entry is built.
'use strict';
const { cdktnTransformer } = require('./flavours');

module.exports = {
  name: 'cdktf-ses-tenants-cdktn',
  version: '1',
  factory: () => cdktnTransformer,
};
