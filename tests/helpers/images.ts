/** Images for tests, made here rather than kept as binary fixtures. */
import { deflateSync } from 'node:zlib';

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
