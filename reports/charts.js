#!/usr/bin/env node
// Renders Apache ECharts options to SVG on the server (ECharts SSR, no browser, no DOM).
// stdin:  {"charts":[{"id":"…","width":720,"height":360,"option":{…ECharts option…}}]}
// stdout: {"…id…":"<svg …>", …}
// The map "neimenggu" (Inner Mongolia's 12 leagues/cities, feature ids = GB/T 2260 codes) is registered from the
// GeoJSON that echarts 4.x ships (map/json/province/neimenggu.json), installed by npm as the alias "echarts4".
'use strict';
const fs = require('fs');
const path = require('path');
const echarts = require('echarts');

function registerMaps() {
  const file = path.join(__dirname, 'node_modules', 'echarts4', 'map', 'json', 'province', 'neimenggu.json');
  const geo = JSON.parse(fs.readFileSync(file, 'utf8'));
  echarts.registerMap('neimenggu', geo);
}

function render(spec) {
  const chart = echarts.init(null, null, { renderer: 'svg', ssr: true, width: spec.width || 720, height: spec.height || 360 });
  const option = Object.assign({ animation: false }, spec.option);
  chart.setOption(option);
  const svg = chart.renderToSVGString();
  chart.dispose();
  return svg;
}

function main() {
  const input = JSON.parse(fs.readFileSync(0, 'utf8'));
  registerMaps();
  const out = {};
  for (const spec of input.charts || []) {
    out[spec.id] = render(spec);
  }
  process.stdout.write(JSON.stringify(out));
}

try {
  main();
} catch (e) {
  process.stderr.write('chart rendering failed: ' + (e && e.message ? e.message : String(e)) + '\n');
  process.exit(1);
}
