// Assembles dist/lamsach.html from web/ and the build outputs: everything inline, and a
// Content-Security-Policy that allows no network at all, with hashes of the inline
// scripts and style (no 'unsafe-inline').
'use strict';
const fs = require('fs');
const path = require('path');
const crypto = require('crypto');

const [wasmPath, gluePath, samplePath, rulesPath, outPath] = process.argv.slice(2);
if (!outPath) {
  console.error('usage: node build-html.js WASM GLUE SAMPLE RULES_JSON OUT');
  process.exit(1);
}
const web = path.join(__dirname, '..', 'web');
const read = (p) => fs.readFileSync(p, 'utf8');

const css = read(path.join(web, 'style.css'));
const i18n = read(path.join(web, 'i18n.js'));
const app = read(path.join(web, 'app.js'));
const worker = read(path.join(web, 'worker.js'));
const glue = read(gluePath);
// gzip: the page inflates it with DecompressionStream (Chrome 80+), a third of the size.
const wasmB64 = require('zlib').gzipSync(fs.readFileSync(wasmPath), { level: 9 }).toString('base64');
const sampleB64 = fs.readFileSync(samplePath).toString('base64');
const ruleMessages = JSON.stringify(JSON.parse(read(rulesPath)));

// Text blobs the worker is built from; type="text/plain" scripts never run, so the CSP
// needs no hash for them.
const data = (id, text) => `<script type="text/plain" id="${id}">${text.replace(/<\/script/gi, '<\\/script')}</script>`;
const appScript = `${i18n}\n${app}`;
const sha = (text) => `'sha256-${crypto.createHash('sha256').update(text, 'utf8').digest('base64')}'`;

const csp = [
  "default-src 'none'",
  `script-src ${sha(appScript)} 'wasm-unsafe-eval'`,
  'worker-src blob:',
  `style-src ${sha(css)}`,
  'img-src data: blob:',
  "connect-src 'none'",
  "font-src 'none'",
  "object-src 'none'",
  "media-src 'none'",
  "frame-src 'none'",
  "base-uri 'none'",
  "form-action 'none'",
].join('; ');

let html = read(path.join(web, 'index.html'));
const put = (marker, text) => {
  if (!html.includes(marker)) throw new Error(`web/index.html lacks ${marker}`);
  html = html.split(marker).join(text);
};
put('<!--CSP-->', `<meta http-equiv="Content-Security-Policy" content="${csp}">`);
put('<!--STYLE-->', `<style>${css}</style>`);
put('<!--DATA-->', [data('glue', glue), data('worker-src', worker), data('wasm-b64', wasmB64), data('sample-b64', sampleB64), data('rule-messages', ruleMessages)].join('\n'));
put('<!--APP-->', `<script>${appScript}</script>`);

if (/\b(?:src|href)\s*=\s*["']?(?:https?:)?\/\//i.test(html.replace(/<script type="text\/plain"[\s\S]*?<\/script>/g, ''))) {
  throw new Error('the page must not reference any external URL');
}
fs.mkdirSync(path.dirname(outPath), { recursive: true });
fs.writeFileSync(outPath, html);
console.log(`[build] ${outPath}: ${html.length} bytes (wasm ${Math.round(wasmB64.length * 0.75 / 1024)} KB gzipped, sample ${Math.round(sampleB64.length * 0.75 / 1024)} KB)`);
