// The layering rule: each folder lists what it may import (other folders of the app and
// packages); an import outside its list fails lint. Tests, benchmarks and scripts are
// free: they drive every layer from outside.
import path from 'node:path';

const NODE = 'node:*';
/** Folder (longest prefix wins) → the app folders and packages it may import. */
export const LAYERS = {
  contract: { app: [], packages: ['zod'] },
  domain: { app: ['contract'], packages: ['zod', 'tough-cookie'] },
  engine: { app: ['contract', 'domain'], packages: ['zod', NODE] },
  'engine/host': { app: ['engine', 'contract', 'domain', 'native-bridge'], packages: ['zod', NODE] },
  'native-bridge': { app: ['engine', 'contract', 'domain'], packages: ['koffi', NODE] },
  core: { app: ['contract', 'domain', 'engine', 'native-bridge/sendfile'], packages: ['zod', 'yaml', 'jsonpath-plus', 'postman-collection', 'postman-sandbox', 'tough-cookie', 'fzstd', '@apidevtools/swagger-parser', NODE] },
  cli: { app: ['contract', 'domain', 'engine', 'core'], packages: ['zod', NODE] },
  web: { app: ['contract', 'domain', 'core'], packages: ['ws', NODE] },
  electron: { app: ['contract', 'domain', 'engine', 'core'], packages: ['electron', 'zod', NODE] },
  renderer: {
    app: ['contract', 'domain'],
    packages: ['react', 'react-dom', 'zustand', 'zod', '@codemirror/*', '@readme/httpsnippet'],
  },
};
/** The renderer's own tests (vitest, node environment) may also use Node and test support. */
const RENDERER_TESTS = { app: ['contract', 'domain', 'test'], packages: ['vitest', NODE] };

const layerOf = (rel) =>
  Object.keys(LAYERS)
    .filter((k) => rel === k || rel.startsWith(`${k}/`))
    .sort((a, b) => b.length - a.length)[0];

const matches = (name, allowed) =>
  allowed.some((a) => (a.endsWith('/*') ? name.startsWith(a.slice(0, -1)) : name === a || name.startsWith(`${a}/`)));

const packageName = (spec) => {
  if (spec.startsWith('node:')) return spec;
  const parts = spec.split('/');
  return spec.startsWith('@') ? parts.slice(0, 2).join('/') : parts[0];
};

function allowedFor(fileRel) {
  const layer = layerOf(fileRel);
  if (!layer) return undefined;
  const own = LAYERS[layer];
  if (layer === 'renderer' && /\.test(-support)?\.tsx?$/.test(fileRel)) {
    return { layer, app: [...own.app, ...RENDERER_TESTS.app], packages: [...own.packages, ...RENDERER_TESTS.packages] };
  }
  return { layer, ...own };
}

function check(context, node, spec) {
  const root = context.cwd ?? process.cwd();
  const fileRel = path.relative(root, context.filename).split(path.sep).join('/');
  const allowed = allowedFor(fileRel);
  if (!allowed || typeof spec !== 'string') return;
  if (spec.startsWith('.')) {
    const target = path.relative(root, path.resolve(path.dirname(context.filename), spec)).split(path.sep).join('/');
    const targetLayer = layerOf(target) ?? target.split('/')[0];
    if (targetLayer === allowed.layer || matches(target, allowed.app) || target.startsWith(`${allowed.layer}/`)) return;
    context.report({ node, message: `${allowed.layer}/ may not import ${target} (allowed: ${allowed.app.join(', ') || 'nothing of the app'}).` });
    return;
  }
  const name = packageName(spec);
  const pkgs = allowed.packages;
  if (matches(name, pkgs) || (name.startsWith('node:') && pkgs.includes(NODE))) return;
  context.report({ node, message: `${allowed.layer}/ may not import the package ${name} (allowed: ${pkgs.join(', ')}).` });
}

export const layering = {
  rules: {
    'allowed-imports': {
      meta: { type: 'problem', schema: [] },
      create: (context) => ({
        ImportDeclaration: (node) => check(context, node, node.source.value),
        ExportNamedDeclaration: (node) => node.source && check(context, node, node.source.value),
        ExportAllDeclaration: (node) => check(context, node, node.source.value),
        ImportExpression: (node) => node.source.type === 'Literal' && check(context, node, node.source.value),
      }),
    },
  },
};
