// Copies the DMN editor bundle that `npm ci` put in node_modules into the service's generated
// resources (served from /ui/static/editor/lib), with its licence, and writes the CSP hash of the one
// inline script it runs: DmnEditor.open() puts the editor's envelope (11 MB of code) in an
// iframe's srcdoc as an inline <script>, which a srcdoc frame runs under the page's own CSP, so
// the editor page allows exactly that script by its sha256, and no other inline script.
// The hash is taken from the srcdoc the bundle itself builds (run here with a stub document), so
// it cannot drift from the code that is served. Usage: node bundle.mjs <generated-resources dir>
import fs from 'node:fs';
import path from 'node:path';
import vm from 'node:vm';
import crypto from 'node:crypto';

const out = process.argv[2];
const dist = path.join(import.meta.dirname, 'node_modules/@kie-tools/dmn-editor-standalone/dist');
const lib = path.join(out, 'META-INF/resources/ui/static/editor/lib');
fs.mkdirSync(lib, { recursive: true });
for (const file of ['index.js', 'index.js.LICENSE.txt', 'envelope.js.LICENSE.txt']) {
  fs.copyFileSync(path.join(dist, file), path.join(lib, 'dmn-editor-' + file));
}
fs.copyFileSync(path.join(dist, '../LICENSE'), path.join(lib, 'dmn-editor-LICENSE.txt'));

const srcdoc = envelopeDocument(fs.readFileSync(path.join(dist, 'index.js'), 'utf8'));
const scripts = [...srcdoc.matchAll(/<script type="text\/javascript">([\s\S]*?)<\/script>/g)].map(m => m[1]);
if (scripts.length !== 1 || srcdoc.replace(/<script[\s\S]*?<\/script>/, '').includes('<script')) {
  throw new Error('The editor bundle no longer runs exactly one inline script in its frame; see editor/bundle.mjs');
}
const hash = "'sha256-" + crypto.createHash('sha256').update(scripts[0], 'utf8').digest('base64') + "'";
fs.writeFileSync(path.join(out, 'META-INF/microprofile-config.properties'),
    '# Written by editor/bundle.mjs: the CSP source of the DMN editor\'s one inline script (see application.properties)\n'
    + 'dmn-editor-bundle.envelope-script=' + hash + '\n');
console.log('DMN editor bundle copied to ' + lib + '; its envelope script is ' + hash);

/** The srcdoc of the frame DmnEditor.open() makes, with the bundle run against a stub document. */
function envelopeDocument(code) {
  let frame;
  const noop = () => {};
  const element = () => ({ style: {}, setAttribute: noop, appendChild: noop, addEventListener: noop, remove: noop });
  const document = {
    createElement: (tag) => { const e = element(); if (tag === 'iframe') frame = e; return e; },
    addEventListener: noop, head: element(), body: element(), querySelector: () => null, getElementById: () => null,
  };
  const win = { document, location: { protocol: 'http:', origin: 'http://localhost' }, addEventListener: noop,
    removeEventListener: noop, navigator: { userAgent: 'node' }, setTimeout: () => 0, clearTimeout: noop,
    setInterval: () => 0, clearInterval: noop, console };
  win.window = win; win.self = win;
  vm.createContext(win);
  vm.runInContext(code, win);
  win.DmnEditor.open({ container: element(), initialContent: Promise.resolve(''), readOnly: true });
  if (!frame || typeof frame.srcdoc !== 'string') {
    throw new Error('DmnEditor.open() made no srcdoc frame; see editor/bundle.mjs');
  }
  return frame.srcdoc;
}
