/** Draws the toolbar icon (a lens over a ledger line) as PNGs at every size the manifest names. */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { deflateSync } from 'node:zlib';
import { crc32 } from './crc32.js';

function chunk(type: string, data: Buffer): Buffer {
  const len = Buffer.alloc(4);
  len.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type, 'ascii'), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body));
  return Buffer.concat([len, body, crc]);
}

export function iconPng(size: number): Buffer {
  const raw = Buffer.alloc((size * 4 + 1) * size);
  const c = size / 2;
  for (let y = 0; y < size; y++) {
    raw[y * (size * 4 + 1)] = 0; // filter: none
    for (let x = 0; x < size; x++) {
      const dx = x + 0.5 - c * 0.85;
      const dy = y + 0.5 - c * 0.85;
      const d = Math.hypot(dx, dy);
      const ring = d > size * 0.26 && d < size * 0.38;
      const handle = x > c && y > c && Math.abs(x - y) < size * 0.09 && x < size * 0.95;
      const line = Math.abs(y + 0.5 - c * 0.85) < Math.max(1, size * 0.05) && d < size * 0.26;
      const px = (y * (size * 4 + 1)) + 1 + x * 4;
      const [r, g, b, a] = ring || handle ? [29, 78, 216, 255] : line ? [31, 111, 67, 255] : d <= size * 0.26 ? [232, 240, 255, 255] : [0, 0, 0, 0];
      raw[px] = r; raw[px + 1] = g; raw[px + 2] = b; raw[px + 3] = a;
    }
  }
  const header = Buffer.alloc(13);
  header.writeUInt32BE(size, 0);
  header.writeUInt32BE(size, 4);
  header[8] = 8; header[9] = 6; // 8-bit RGBA
  return Buffer.concat([Buffer.from([137, 80, 78, 71, 13, 10, 26, 10]), chunk('IHDR', header), chunk('IDAT', deflateSync(raw)), chunk('IEND', Buffer.alloc(0))]);
}

export function writeIcons(dir: string): void {
  mkdirSync(dir, { recursive: true });
  for (const size of [16, 32, 48, 128]) writeFileSync(join(dir, `${size}.png`), iconPng(size));
}
