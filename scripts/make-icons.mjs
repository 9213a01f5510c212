/**
 * Draws Copydesk's app icon (a white C on a dark rounded square, with the red rule of the
 * app's accent) and writes it in the three forms electron-builder takes:
 * resources/icon.png (1024 px, Linux), resources/icon.icns (macOS: PNGs from 128 to
 * 1024 px) and resources/icon.ico (Windows: PNGs from 16 to 256 px). No image library:
 * each pixel is sampled 4 × 4 times, and PNG, ICNS and ICO are simple containers.
 *
 *   node scripts/make-icons.mjs
 */
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';

const root = path.resolve(import.meta.dirname, '..');

const INK = [31, 29, 26];
const PAPER = [255, 255, 255];
const ACCENT = [178, 40, 30];

/** The colour at a point of the unit square, or null outside the icon. */
function shade(x, y) {
  // A rounded square with a margin, as the platforms' icon grids expect.
  const margin = 0.06;
  const radius = 0.2;
  const cx = Math.min(Math.max(x, margin + radius), 1 - margin - radius);
  const cy = Math.min(Math.max(y, margin + radius), 1 - margin - radius);
  if (Math.hypot(x - cx, y - cy) > radius) return null;
  // The red rule under the letter, as under the app's kicker.
  if (y > 0.76 && y < 0.8 && x > 0.3 && x < 0.7) return ACCENT;
  // The C: a ring open to the right.
  const dx = x - 0.5;
  const dy = y - 0.46;
  const distance = Math.hypot(dx, dy);
  const angle = Math.abs(Math.atan2(dy, dx));
  if (distance > 0.17 && distance < 0.27 && angle > 0.75) return PAPER;
  return INK;
}

/** RGBA pixels of the icon at `size` px. */
function render(size) {
  const pixels = Buffer.alloc(size * size * 4);
  const samples = 4;
  for (let py = 0; py < size; py++) {
    for (let px = 0; px < size; px++) {
      let r = 0;
      let g = 0;
      let b = 0;
      let a = 0;
      for (let sy = 0; sy < samples; sy++) {
        for (let sx = 0; sx < samples; sx++) {
          const colour = shade((px + (sx + 0.5) / samples) / size, (py + (sy + 0.5) / samples) / size);
          if (!colour) continue;
          r += colour[0];
          g += colour[1];
          b += colour[2];
          a += 1;
        }
      }
      const at = (py * size + px) * 4;
      if (a) {
        pixels[at] = Math.round(r / a);
        pixels[at + 1] = Math.round(g / a);
        pixels[at + 2] = Math.round(b / a);
      }
      pixels[at + 3] = Math.round((a / (samples * samples)) * 255);
    }
  }
  return pixels;
}

const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});
function crc32(bytes) {
  let c = 0xffffffff;
  for (const byte of bytes) c = CRC_TABLE[(c ^ byte) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

function chunk(type, data) {
  const length = Buffer.alloc(4);
  length.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type, 'ascii'), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body));
  return Buffer.concat([length, body, crc]);
}

/** A PNG of the icon at `size` px. */
export function iconPng(size) {
  const pixels = render(size);
  const header = Buffer.alloc(13);
  header.writeUInt32BE(size, 0);
  header.writeUInt32BE(size, 4);
  header[8] = 8; // bits per channel
  header[9] = 6; // RGBA
  const rows = Buffer.alloc(size * (size * 4 + 1));
  for (let y = 0; y < size; y++) pixels.copy(rows, y * (size * 4 + 1) + 1, y * size * 4, (y + 1) * size * 4);
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', header),
    chunk('IDAT', zlib.deflateSync(rows, { level: 9 })),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

/** An .icns holding PNGs (ic07 128, ic08 256, ic09 512, ic10 1024). */
function icns(pngs) {
  const entries = Object.entries(pngs).map(([type, png]) => {
    const head = Buffer.alloc(8);
    head.write(type, 0, 'ascii');
    head.writeUInt32BE(png.length + 8, 4);
    return Buffer.concat([head, png]);
  });
  const body = Buffer.concat(entries);
  const head = Buffer.alloc(8);
  head.write('icns', 0, 'ascii');
  head.writeUInt32BE(body.length + 8, 4);
  return Buffer.concat([head, body]);
}

/** An .ico holding PNGs (a width of 0 means 256). */
function ico(pngs) {
  const header = Buffer.alloc(6);
  header.writeUInt16LE(1, 2);
  header.writeUInt16LE(pngs.length, 4);
  let offset = 6 + 16 * pngs.length;
  const directory = pngs.map(({ size, png }) => {
    const entry = Buffer.alloc(16);
    entry[0] = size >= 256 ? 0 : size;
    entry[1] = size >= 256 ? 0 : size;
    entry.writeUInt16LE(1, 4);
    entry.writeUInt16LE(32, 6);
    entry.writeUInt32LE(png.length, 8);
    entry.writeUInt32LE(offset, 12);
    offset += png.length;
    return entry;
  });
  return Buffer.concat([header, ...directory, ...pngs.map(({ png }) => png)]);
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const sizes = [16, 24, 32, 48, 64, 128, 256, 512, 1024];
  const png = Object.fromEntries(sizes.map((size) => [size, iconPng(size)]));
  writeFileSync(path.join(root, 'resources', 'icon.png'), png[1024]);
  writeFileSync(path.join(root, 'resources', 'icon.icns'), icns({ ic07: png[128], ic08: png[256], ic09: png[512], ic10: png[1024] }));
  writeFileSync(path.join(root, 'resources', 'icon.ico'), ico([16, 24, 32, 48, 64, 128, 256].map((size) => ({ size, png: png[size] }))));
  console.log('resources/icon.png, icon.icns, icon.ico written');
}
