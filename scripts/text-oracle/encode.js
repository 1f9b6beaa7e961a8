#!/usr/bin/env node
// Independent oracle for the text module's tests: encodes names with the npm package
// `vietnamese-conversion` (pinned 2.0.0, MIT; a devDependency of the repository).
// Usage: node scripts/text-oracle/encode.js FILE   (one name per line, '#' comments)
// Prints a JSON array of {"unicode", "vni", "viqr", "tcvn3"} on stdout.
// Known defects of the package (domain README 4.3/4.4), left for the test to exclude:
// VNI of ỷ ỹ Ỷ Ỹ, and TCVN3 capitals written as "A" + lower-case toned byte.
'use strict';
const fs = require('fs');
const path = require('path');

let conv;
try {
  conv = require('vietnamese-conversion');
} catch (e) {
  process.stderr.write('vietnamese-conversion is not installed: run `npm install` at the repository root\n');
  process.exit(2);
}
const pkg = require('vietnamese-conversion/package.json');
if (pkg.version !== '2.0.0') {
  process.stderr.write(`expected vietnamese-conversion 2.0.0, found ${pkg.version}\n`);
  process.exit(3);
}

const file = process.argv[2];
if (!file) {
  process.stderr.write('usage: encode.js FILE\n');
  process.exit(1);
}
const names = fs
  .readFileSync(path.resolve(file), 'utf8')
  .split(/\r?\n/)
  .map((l) => l.trim())
  .filter((l) => l && !l.startsWith('#'));

const out = names.map((u) => ({
  unicode: u,
  vni: conv.toVNI(u, 'unicode'),
  viqr: conv.toVIQR(u, 'unicode'),
  tcvn3: conv.toTCVN3(u, 'unicode'),
}));
process.stdout.write(JSON.stringify(out));
