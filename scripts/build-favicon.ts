// Writes public/favicon.ico (16×16 and 32×32): a white "C" for Council Marketplace on a
// GOV.UK blue square. Drawn here rather than copied so it carries no crown and no GDS
// Transport (both reserved for GOV.UK). Run: npx tsx scripts/build-favicon.ts
import fs from "node:fs";

const BLUE = [0x1d, 0x70, 0xb8];
const WHITE = [0xff, 0xff, 0xff];

/** One 32-bit BMP image for the ICO: BITMAPINFOHEADER, BGRA rows bottom-up, AND mask. */
function image(size: number): Buffer {
  const header = Buffer.alloc(40);
  header.writeUInt32LE(40, 0);
  header.writeInt32LE(size, 4);
  header.writeInt32LE(size * 2, 8); // colour rows + mask rows
  header.writeUInt16LE(1, 12);
  header.writeUInt16LE(32, 14);
  const pixels = Buffer.alloc(size * size * 4);
  const c = (size - 1) / 2;
  const outer = size * 0.36;
  const inner = outer - Math.max(2, size / 8);
  for (let y = 0; y < size; y++) {
    for (let x = 0; x < size; x++) {
      const dx = x - c;
      const dy = y - c;
      const r = Math.hypot(dx, dy);
      const angle = Math.abs(Math.atan2(dy, dx)); // 0 points right: the opening of the "C"
      const ink = r <= outer && r >= inner && angle > Math.PI / 4;
      const [red, green, blue] = ink ? WHITE : BLUE;
      const offset = ((size - 1 - y) * size + x) * 4;
      pixels[offset] = blue;
      pixels[offset + 1] = green;
      pixels[offset + 2] = red;
      pixels[offset + 3] = 0xff;
    }
  }
  const maskRow = Math.ceil(size / 32) * 4;
  const mask = Buffer.alloc(maskRow * size); // all opaque
  return Buffer.concat([header, pixels, mask]);
}

const images = [16, 32].map((size) => ({ size, data: image(size) }));
const dir = Buffer.alloc(6 + 16 * images.length);
dir.writeUInt16LE(0, 0);
dir.writeUInt16LE(1, 2); // icon
dir.writeUInt16LE(images.length, 4);
let offset = dir.length;
images.forEach(({ size, data }, i) => {
  const e = 6 + 16 * i;
  dir.writeUInt8(size, e);
  dir.writeUInt8(size, e + 1);
  dir.writeUInt16LE(1, e + 4);
  dir.writeUInt16LE(32, e + 6);
  dir.writeUInt32LE(data.length, e + 8);
  dir.writeUInt32LE(offset, e + 12);
  offset += data.length;
});
fs.mkdirSync("public", { recursive: true });
fs.writeFileSync("public/favicon.ico", Buffer.concat([dir, ...images.map((i) => i.data)]));
console.log(`public/favicon.ico: ${offset} bytes`);
