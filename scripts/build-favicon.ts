// Writes the portal's icons to public/: favicon.ico (16×16 and 32×32), favicon.svg,
// apple-touch-icon.png (180×180) and manifest.json — a white "C" for Council Marketplace on a
// GOV.UK blue square, the set of template assets GOV.UK's template links. Drawn here rather than
// copied so they carry no crown and no GDS Transport (both reserved for GOV.UK).
// Run: npx tsx scripts/build-favicon.ts
import fs from "node:fs";
import zlib from "node:zlib";

const BLUE = [0x1d, 0x70, 0xb8];
const WHITE = [0xff, 0xff, 0xff];

/** One 32-bit BMP image for the ICO: BITMAPINFOHEADER, BGRA rows bottom-up, AND mask. */
/** Whether the pixel at (x, y) of a size×size icon is the white "C". */
function inked(size: number, x: number, y: number): boolean {
  const c = (size - 1) / 2;
  const outer = size * 0.36;
  const inner = outer - Math.max(2, size / 8);
  const r = Math.hypot(x - c, y - c);
  const angle = Math.abs(Math.atan2(y - c, x - c)); // 0 points right: the opening of the "C"
  return r <= outer && r >= inner && angle > Math.PI / 4;
}

function image(size: number): Buffer {
  const header = Buffer.alloc(40);
  header.writeUInt32LE(40, 0);
  header.writeInt32LE(size, 4);
  header.writeInt32LE(size * 2, 8); // colour rows + mask rows
  header.writeUInt16LE(1, 12);
  header.writeUInt16LE(32, 14);
  const pixels = Buffer.alloc(size * size * 4);
  for (let y = 0; y < size; y++) {
    for (let x = 0; x < size; x++) {
      const ink = inked(size, x, y);
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

// The same "C" as a vector: an arc of radius 0.36 and width 1/8 of the square, open to the right.
const arc = (r: number) => `${(50 + r * Math.cos(Math.PI / 4)).toFixed(2)} ${(50 - r * Math.sin(Math.PI / 4)).toFixed(2)}`;
const mid = 36 - 6.25;
const svg = `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 100 100"><rect width="100" height="100" fill="#1d70b8"/><path d="M ${arc(mid)} A ${mid} ${mid} 0 1 0 ${arc(mid).split(" ")[0]} ${(50 + mid * Math.sin(Math.PI / 4)).toFixed(2)}" fill="none" stroke="#fff" stroke-width="12.5"/></svg>\n`;
fs.writeFileSync("public/favicon.svg", svg);
console.log(`public/favicon.svg: ${svg.length} bytes`);

/** A PNG: 8-bit RGB, no filter, one zlib stream (small enough to write by hand; no image library). */
function png(size: number): Buffer {
  const crcTable = Array.from({ length: 256 }, (_, n) => {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    return c >>> 0;
  });
  const crc32 = (buf: Buffer) => {
    let c = 0xffffffff;
    for (const byte of buf) c = crcTable[(c ^ byte) & 0xff] ^ (c >>> 8);
    return (c ^ 0xffffffff) >>> 0;
  };
  const chunk = (type: string, data: Buffer) => {
    const body = Buffer.concat([Buffer.from(type, "ascii"), data]);
    const out = Buffer.alloc(12 + data.length);
    out.writeUInt32BE(data.length, 0);
    body.copy(out, 4);
    out.writeUInt32BE(crc32(body), 8 + data.length);
    return out;
  };
  const header = Buffer.alloc(13);
  header.writeUInt32BE(size, 0);
  header.writeUInt32BE(size, 4);
  header.writeUInt8(8, 8); // bit depth
  header.writeUInt8(2, 9); // RGB
  const rows = Buffer.alloc(size * (1 + size * 3));
  for (let y = 0; y < size; y++) {
    const row = y * (1 + size * 3);
    for (let x = 0; x < size; x++) {
      const [red, green, blue] = inked(size, x, y) ? WHITE : BLUE;
      rows.writeUInt8(red, row + 1 + x * 3);
      rows.writeUInt8(green, row + 2 + x * 3);
      rows.writeUInt8(blue, row + 3 + x * 3);
    }
  }
  const signature = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
  return Buffer.concat([signature, chunk("IHDR", header), chunk("IDAT", zlib.deflateSync(rows)), chunk("IEND", Buffer.alloc(0))]);
}
const touch = png(180);
fs.writeFileSync("public/apple-touch-icon.png", touch);
console.log(`public/apple-touch-icon.png: ${touch.length} bytes`);

const manifest = {
  name: "Council Marketplace",
  short_name: "Council Marketplace",
  icons: [
    { src: "/favicon.svg", type: "image/svg+xml", sizes: "any" },
    { src: "/apple-touch-icon.png", type: "image/png", sizes: "180x180" },
  ],
  start_url: "/",
  display: "browser",
  theme_color: "#0b0c0c",
  background_color: "#ffffff",
};
fs.writeFileSync("public/manifest.json", `${JSON.stringify(manifest, null, 2)}\n`);
console.log("public/manifest.json written");
