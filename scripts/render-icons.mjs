// Renders assets/icon.svg to the PNG sizes both stores need, with Chromium (run by hand after
// changing the SVG; the PNGs are committed so builds need no browser).
import { chromium } from 'playwright-core';
import { readFile, mkdir } from 'node:fs/promises';

const SIZES = [16, 32, 48, 96, 128];
const svg = await readFile(new URL('../assets/icon.svg', import.meta.url), 'utf8');
const browser = await chromium.launch({
  executablePath: process.env.CHROME_PATH ?? '/usr/lib/chromium/chromium',
  args: ['--no-sandbox', '--disable-gpu'],
});
await mkdir(new URL('../public/icon/', import.meta.url), { recursive: true });
for (const size of SIZES) {
  const page = await browser.newPage({ viewport: { width: size, height: size } });
  await page.setContent(`<style>html,body{margin:0;background:transparent}</style>
    <img src="data:image/svg+xml;base64,${Buffer.from(svg).toString('base64')}" width="${size}" height="${size}">`);
  await page.screenshot({ path: new URL(`../public/icon/${size}.png`, import.meta.url).pathname, omitBackground: true });
  await page.close();
}
await browser.close();
console.log(`rendered ${SIZES.join(', ')} px`);
