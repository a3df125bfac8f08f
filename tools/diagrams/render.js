// Renders every model of processes/ from the model itself, for the README:
//   processes/<name>.bpmn → docs/diagrams/<name>.svg  (bpmn-js viewer, saveSVG)
//   processes/<name>.dmn  → docs/diagrams/<name>.png  (dmn-js viewer, decision table screenshot)
// in Debian's headless Chromium (/usr/bin/chromium, or $CHROMIUM). Nothing is downloaded: the viewers
// come from node_modules, the page is a local file.
//
// Usage (from tools/diagrams): npm ci && npm run render [-- <output folder>]
// MODELS=<folder> renders the models of another folder.

'use strict';

const fs = require('fs');
const os = require('os');
const path = require('path');
const { pathToFileURL } = require('url');
const puppeteer = require('puppeteer-core');

const ROOT = path.resolve(__dirname, '..', '..');
const MODELS = path.resolve(process.env.MODELS || path.join(ROOT, 'processes'));
const OUT = path.resolve(process.argv[2] || path.join(ROOT, 'docs', 'diagrams'));
const CHROMIUM = process.env.CHROMIUM || '/usr/bin/chromium';
const CHROMIUM_ARGS = [
  '--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking',
  '--disable-component-update', '--disable-sync', '--no-first-run'
];

const asset = (file) => pathToFileURL(require.resolve(file)).href;

function page(title, styles, script) {
  return `<!DOCTYPE html>
<html><head><meta charset="utf-8"><title>${title}</title>
${styles.map((s) => `<link rel="stylesheet" href="${asset(s)}">`).join('\n')}
<style>body { margin: 0; background: white; font-family: Arial, sans-serif; } #canvas { width: 2400px; height: 1400px; }
#canvas.table { width: auto; height: auto; display: inline-block; padding: 16px; }
/* an image needs no button; the bpmn.io logo stays, below the table */
.view-drd { display: none; } .dmn-decision-table-container { padding-bottom: 36px; }</style>
<script src="${asset(script)}"></script>
</head><body><div id="canvas"></div></body></html>`;
}

async function open(browser, html) {
  const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'pedaflow-diagrams-')), 'page.html');
  fs.writeFileSync(file, html);
  const tab = await browser.newPage();
  tab.on('pageerror', (error) => console.error('  page error:', error.message));
  await tab.setViewport({ width: 2400, height: 1400, deviceScaleFactor: 1 });
  await tab.goto(pathToFileURL(file).href, { waitUntil: 'load' });
  return tab;
}

async function renderBpmn(browser, file) {
  const tab = await open(browser, page(path.basename(file), [
    'bpmn-js/dist/assets/diagram-js.css',
    'bpmn-js/dist/assets/bpmn-js.css',
    'bpmn-js/dist/assets/bpmn-font/css/bpmn.css'
  ], 'bpmn-js/dist/bpmn-viewer.production.min.js'));
  const svg = await tab.evaluate(async (xml) => {
    const viewer = new window.BpmnJS({ container: '#canvas' });
    const { warnings } = await viewer.importXML(xml);
    if (warnings.length) {
      throw new Error(warnings.map((w) => w.message).join('; '));
    }
    const { svg } = await viewer.saveSVG();
    return svg;
  }, fs.readFileSync(file, 'utf8'));
  await tab.close();
  return svg;
}

// bpmn-js gives arrow markers random ids: number them in order so that an unchanged model gives an
// unchanged image (no noise in git).
function stableMarkerIds(svg) {
  const ids = [...svg.matchAll(/id="(marker-[a-z0-9]+)"/g)].map((match) => match[1]);
  return ids.reduce((text, id, index) => text.split(`#${id}'`).join(`#marker-${index + 1}'`)
    .split(`#${id})`).join(`#marker-${index + 1})`)
    .split(`id="${id}"`).join(`id="marker-${index + 1}"`), svg);
}

async function renderDmn(browser, file) {
  const tab = await open(browser, page(path.basename(file), [
    'dmn-js/dist/assets/dmn-js-shared.css',
    'dmn-js/dist/assets/dmn-js-decision-table.css',
    'dmn-js/dist/assets/dmn-js-drd.css',
    'dmn-js/dist/assets/dmn-font/css/dmn.css'
  ], 'dmn-js/dist/dmn-viewer.production.min.js'));
  await tab.evaluate(async (xml) => {
    document.getElementById('canvas').className = 'table';
    const viewer = new window.DmnJS({ container: '#canvas' });
    const { warnings } = await viewer.importXML(xml);
    if (warnings.length) {
      throw new Error(warnings.map((w) => w.message).join('; '));
    }
    const table = viewer.getViews().find((view) => view.type === 'decisionTable');
    if (!table) {
      throw new Error('no decision table in this file');
    }
    await viewer.open(table);
  }, fs.readFileSync(file, 'utf8'));
  await tab.evaluateHandle('document.fonts.ready');
  const element = await tab.$('#canvas');
  const png = await element.screenshot({ type: 'png' });
  await tab.close();
  return png;
}

async function main() {
  const models = fs.readdirSync(MODELS).filter((f) => /\.(bpmn|dmn)$/.test(f)).sort();
  if (!models.length) {
    throw new Error(`no .bpmn or .dmn file in ${MODELS}`);
  }
  fs.mkdirSync(OUT, { recursive: true });
  const browser = await puppeteer.launch({ executablePath: CHROMIUM, headless: true, args: CHROMIUM_ARGS });
  try {
    for (const model of models) {
      const file = path.join(MODELS, model);
      const base = model.replace(/\.(bpmn|dmn)$/, '');
      if (model.endsWith('.bpmn')) {
        fs.writeFileSync(path.join(OUT, `${base}.svg`), stableMarkerIds(await renderBpmn(browser, file)));
        console.log(`${model} → ${path.join(OUT, base + '.svg')}`);
      } else {
        fs.writeFileSync(path.join(OUT, `${base}.png`), await renderDmn(browser, file));
        console.log(`${model} → ${path.join(OUT, base + '.png')}`);
      }
    }
  } finally {
    await browser.close();
  }
}

main().catch((error) => {
  console.error(error.message || error);
  process.exit(1);
});
