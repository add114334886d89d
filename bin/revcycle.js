#!/usr/bin/env node
// Operator command line; the compiled entry point is produced by `npm run build` (run by `npm ci` via prepare).
require('../dist/apps/cli/src/main.js');
