/**
 * Draws the favicon and the apple-touch icon from app/icon.svg (the masthead's mark: a Q over the
 * masthead's double rule), with the Chromium the browser tests use: `npx tsx scripts/make-icons.ts`.
 * Writes app/apple-icon.png (180 px, opaque: iOS rounds the corners itself) and app/favicon.ico (16,
 * 32 and 48 px PNG images in one ICO file, which every browser reads). Both are committed; run this
 * again after changing the SVG.
 */
import { chromium } from '@playwright/test';
import { existsSync } from 'node:fs';
import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';

const root = path.join(import.meta.dirname, '..');
const svg = await readFile(path.join(root, 'app/icon.svg'), 'utf8');
const executablePath =
  process.env.PLAYWRIGHT_CHROMIUM_PATH ?? (existsSync('/usr/bin/chromium') ? '/usr/bin/chromium' : undefined);
const browser = await chromium.launch({ executablePath, args: ['--no-sandbox', '--disable-gpu'] });

async function render(size: number, { square }: { square: boolean }): Promise<Buffer> {
  const page = await browser.newPage({ viewport: { width: size, height: size } });
  // The apple icon is full-bleed: the same drawing without the rounded corners.
  const drawing = square ? svg.replace(/ rx="[\d.]+"/, '') : svg;
  await page.setContent(
    `<html><body style="margin:0;background:transparent">${drawing.replace('<svg ', `<svg width="${size}" height="${size}" `)}</body></html>`,
  );
  const png = await page.screenshot({ omitBackground: !square, clip: { x: 0, y: 0, width: size, height: size } });
  await page.close();
  return png;
}

/** An ICO file holding PNG images (allowed since Windows Vista; read by every current browser). */
function ico(images: { size: number; png: Buffer }[]): Buffer {
  const header = Buffer.alloc(6 + 16 * images.length);
  header.writeUInt16LE(0, 0);
  header.writeUInt16LE(1, 2);
  header.writeUInt16LE(images.length, 4);
  let offset = header.length;
  images.forEach(({ size, png }, i) => {
    const at = 6 + 16 * i;
    header.writeUInt8(size >= 256 ? 0 : size, at);
    header.writeUInt8(size >= 256 ? 0 : size, at + 1);
    header.writeUInt8(0, at + 2);
    header.writeUInt8(0, at + 3);
    header.writeUInt16LE(1, at + 4);
    header.writeUInt16LE(32, at + 6);
    header.writeUInt32LE(png.length, at + 8);
    header.writeUInt32LE(offset, at + 12);
    offset += png.length;
  });
  return Buffer.concat([header, ...images.map((i) => i.png)]);
}

try {
  await writeFile(path.join(root, 'app/apple-icon.png'), await render(180, { square: true }));
  const sizes = [16, 32, 48];
  const images = [];
  for (const size of sizes) images.push({ size, png: await render(size, { square: false }) });
  await writeFile(path.join(root, 'app/favicon.ico'), ico(images));
  console.log('wrote app/apple-icon.png and app/favicon.ico');
} finally {
  await browser.close();
}
