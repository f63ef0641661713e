#!/usr/bin/env node
// Runs the CLI compiled to plain JavaScript (compile.mjs), so a clone needs no build step and the running app
// carries no TypeScript loader. Stack traces name the TypeScript files and lines, through the source maps.
import { compiled } from './compile.mjs';

process.setSourceMapsEnabled(true);
// ECharts compiled in: one file to load instead of hundreds of modules.
await import(await compiled('src/cli/main.ts', { inline: ['echarts', 'zrender', 'tslib'] }));
