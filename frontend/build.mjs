// Bundles the designer's editors, and the diagram viewer of the programme pages, into the
// application's static files. Run by Maven (npm run build) after npm ci; the output goes straight
// into target/classes, so it is never committed.
import { rm } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import * as esbuild from 'esbuild';

const outdir = fileURLToPath(new URL('../target/classes/static/designer/', import.meta.url));

/** What both bundles share: modern browsers, minified, the libraries' fonts and images as files. */
const common = {
  bundle: true,
  format: 'esm',
  minify: true,
  sourcemap: false,
  target: ['es2022'],
  // The libraries' stylesheets name their icon fonts and images by relative path.
  loader: { '.woff': 'file', '.woff2': 'file', '.ttf': 'file', '.eot': 'file', '.svg': 'file', '.png': 'file' },
  assetNames: 'assets/[name]-[hash]',
  logLevel: 'warning'
};

await rm(outdir, { recursive: true, force: true });
await esbuild.build({
  ...common,
  entryPoints: [
    'src/bpmn-editor.js',
    'src/dmn-editor.js',
    'src/form-editor.js',
    'src/viewer.js',
    'src/designer.css',
    'src/bpmn.css',
    'src/dmn.css',
    'src/form.css'
  ],
  outdir,
  splitting: true,
  chunkNames: 'chunks/[name]-[hash]'
});

// The programme pages' diagram, apart from the models area (/designer is for process designers only).
const diagramOutdir = fileURLToPath(new URL('../target/classes/static/diagram/', import.meta.url));

await rm(diagramOutdir, { recursive: true, force: true });
await esbuild.build({
  ...common,
  entryPoints: ['src/programme-diagram.js', 'src/programme-diagram.css'],
  outdir: diagramOutdir
});
