/** Images for tests, made here rather than kept as binary fixtures. */
import { crc32, deflateSync } from 'node:zlib';

/** A real 1×1 PNG, built here (signature, IHDR, IDAT, IEND; CRCs are not checked by the sniffer). */
export function tinyPng(): Buffer {
  const chunk = (type: string, data: Buffer) => {
    const length = Buffer.alloc(4);
    length.writeUInt32BE(data.length);
    return Buffer.concat([length, Buffer.from(type, 'ascii'), data, Buffer.alloc(4)]);
  };
  const header = Buffer.from([0, 0, 0, 1, 0, 0, 0, 1, 8, 2, 0, 0, 0]);
  return Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), chunk('IHDR', header), chunk('IDAT', deflateSync(Buffer.from([0, 200, 40, 30]))), chunk('IEND', Buffer.alloc(0))]);
}

/** A PNG of `width` × `height` with a soft gradient and a horizon, with real CRCs (browsers draw it). */
export function gradientPng(width: number, height: number): Buffer {
  const chunk = (type: string, data: Buffer) => {
    const length = Buffer.alloc(4);
    length.writeUInt32BE(data.length);
    const crc = Buffer.alloc(4);
    crc.writeUInt32BE(crc32(Buffer.concat([Buffer.from(type, 'ascii'), data])));
    return Buffer.concat([length, Buffer.from(type, 'ascii'), data, crc]);
  };
  const header = Buffer.alloc(13);
  header.writeUInt32BE(width, 0);
  header.writeUInt32BE(height, 4);
  header.set([8, 2, 0, 0, 0], 8);
  const rows: Buffer[] = [];
  for (let y = 0; y < height; y++) {
    const row = Buffer.alloc(1 + width * 3);
    const sky = y < height * 0.62;
    for (let x = 0; x < width; x++) {
      const t = y / height;
      const crane = !sky ? false : (x % 160 > 70 && x % 160 < 76 && y > height * 0.25) || (y > height * 0.25 && y < height * 0.25 + 5 && x % 160 > 40 && x % 160 < 130);
      const [r, g, b] = crane ? [40, 44, 52] : sky ? [250 - 60 * t, 170 + 40 * t, 120 + 90 * t] : [40 + 30 * t, 70 + 20 * t, 95 + 10 * t];
      row.set([Math.round(r), Math.round(g), Math.round(b)], 1 + x * 3);
    }
    rows.push(row);
  }
  return Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), chunk('IHDR', header), chunk('IDAT', deflateSync(Buffer.concat(rows))), chunk('IEND', Buffer.alloc(0))]);
}
