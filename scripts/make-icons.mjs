// Renders the app icons (public/icons/*.png) from their SVG sources with the
// same headless Chromium the tests use. Run by hand after editing an SVG and
// commit the PNGs: the build only copies them. The PNGs are then reduced to
// 64-colour palettes (scripts/quantize-icons.py).
//
//   node scripts/make-icons.mjs

import { execFileSync } from 'node:child_process';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { ROOT, launchBrowser } from '../tests/e2e/harness.mjs';

const ICONS = join(ROOT, 'public', 'icons');
const RENDERS = [
  { svg: 'icon.svg', png: 'icon-192.png', size: 192 },
  { svg: 'icon.svg', png: 'icon-512.png', size: 512 },
  { svg: 'icon-maskable.svg', png: 'apple-touch-icon.png', size: 180 },
  { svg: 'icon-maskable.svg', png: 'icon-maskable-512.png', size: 512 },
];

const browser = await launchBrowser();
try {
  for (const { svg, png, size } of RENDERS) {
    const page = await browser.newPage({ viewport: { width: size, height: size }, deviceScaleFactor: 1 });
    const markup = await readFile(join(ICONS, svg), 'utf8');
    await page.setContent(
      `<style>html,body{margin:0;background:transparent}svg{display:block;width:${size}px;height:${size}px}</style>${markup}`,
    );
    await page.screenshot({ path: join(ICONS, png), omitBackground: true });
    await page.close();
    console.log(`icons: ${png} (${size}x${size})`);
  }
} finally {
  await browser.close();
}

// Palette PNGs: a quarter of the bytes, no visible change.
try {
  execFileSync('python3', [join(ROOT, 'scripts', 'quantize-icons.py')], { stdio: 'inherit' });
} catch {
  console.warn('icons: could not run scripts/quantize-icons.py (needs python3 and Pillow): the PNGs are left unquantized');
}
