// The two flavours the library is built in from the one source: src/ imports cdktf (the cdktf
// entry, dist/lib), and a second emit of the same program renames its module specifiers to CDK
// Terrain's (the cdktn entry, dist/cdktn). Only module specifiers are renamed (import/export
// declarations, import types, require calls) and the constant that names the optional provider
// package; other strings stay, since cdktn keeps cdktf.json, cdktf.out and the Symbol.for("cdktf/...")
// markers. The guard reads the emitted files with TypeScript's own import scanner.
'use strict';
const fs = require('fs');
const path = require('path');
const ts = require('typescript');

/** The module names of each flavour: the core package and the AWS provider package. */
const FLAVOURS = {
  cdktf: { core: 'cdktf', providerAws: '@cdktf/provider-aws' },
  cdktn: { core: 'cdktn', providerAws: '@cdktn/provider-aws' },
};
/** The exported constant holding the optional provider package's name (src/constructs/private/native-resources.ts). */
const PROVIDER_PACKAGE_CONSTANT = 'PROVIDER_AWS_PACKAGE';

/** `specifier` as the `to` flavour names it (itself when it is no module of the `from` flavour). */
function renameModule(specifier, from = FLAVOURS.cdktf, to = FLAVOURS.cdktn) {
  for (const key of ['core', 'providerAws']) {
    if (specifier === from[key] || specifier.startsWith(`${from[key]}/`)) return to[key] + specifier.slice(from[key].length);
  }
  return specifier;
}

/** The flavour a module specifier belongs to, or undefined. */
function flavourOf(specifier) {
  return Object.keys(FLAVOURS).find((name) => renameModule(specifier, FLAVOURS[name], { core: '', providerAws: '' }) !== specifier);
}

/** A TypeScript transformer (for `before` and `afterDeclarations`) that renames cdktf's module specifiers to cdktn's. */
function cdktnTransformer(context) {
  const f = context.factory;
  const renamed = (literal) => {
    const to = renameModule(literal.text);
    return to === literal.text ? literal : f.createStringLiteral(to);
  };
  const visit = (node) => {
    if ((ts.isImportDeclaration(node) || ts.isExportDeclaration(node)) && node.moduleSpecifier && ts.isStringLiteral(node.moduleSpecifier)) {
      return ts.visitEachChild(node, (child) => (child === node.moduleSpecifier ? renamed(child) : visit(child)), context);
    }
    if (ts.isImportTypeNode(node) && ts.isLiteralTypeNode(node.argument) && ts.isStringLiteral(node.argument.literal)) {
      const argument = f.updateLiteralTypeNode(node.argument, renamed(node.argument.literal));
      return ts.visitEachChild(node, (child) => (child === node.argument ? argument : visit(child)), context);
    }
    if (ts.isCallExpression(node) && ts.isIdentifier(node.expression) && node.expression.text === 'require' && node.arguments.length === 1 && ts.isStringLiteral(node.arguments[0])) {
      return f.updateCallExpression(node, node.expression, node.typeArguments, [renamed(node.arguments[0])]);
    }
    if (ts.isVariableDeclaration(node) && ts.isIdentifier(node.name) && node.name.text === PROVIDER_PACKAGE_CONSTANT && node.initializer && ts.isStringLiteral(node.initializer)) {
      return f.updateVariableDeclaration(node, node.name, node.exclamationToken, node.type, renamed(node.initializer));
    }
    return ts.visitEachChild(node, visit, context);
  };
  return (file) => (ts.isSourceFile(file) ? ts.visitNode(file, visit) : file);
}

/**
 * The module names of another flavour than `flavour` that the .js and .d.ts files under `dir` use
 * (imports, requires, import types, and the provider package constant), as `file: specifier` lines.
 */
function leakedModules(dir, flavour) {
  const leaks = [];
  for (const entry of fs.readdirSync(dir, { withFileTypes: true, recursive: true })) {
    if (!entry.isFile() || !/\.(js|d\.ts)$/.test(entry.name)) continue;
    const file = path.join(entry.parentPath, entry.name);
    const text = fs.readFileSync(file, 'utf8');
    const specifiers = ts.preProcessFile(text, true, true).importedFiles.map((f) => f.fileName);
    const constant = new RegExp(`${PROVIDER_PACKAGE_CONSTANT}\\s*=\\s*["']([^"']+)["']`).exec(text);
    if (constant) specifiers.push(constant[1]);
    for (const s of specifiers) {
      const of = flavourOf(s);
      if (of !== undefined && of !== flavour) leaks.push(`${path.relative(dir, file)}: ${s}`);
    }
  }
  return leaks.sort();
}

module.exports = { FLAVOURS, PROVIDER_PACKAGE_CONSTANT, renameModule, flavourOf, cdktnTransformer, leakedModules };
