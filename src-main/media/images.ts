// Image decoding with sharp (libvips): sizes, RGB pixels, thumbnails and box crops.
import sharp from 'sharp';

/** Width and height of an image file. */
export async function imageSize(file: string): Promise<{ width: number; height: number }> {
  const m = await sharp(file).metadata();
  if (!m.width || !m.height) throw new Error(`${file}: cannot read the image size`);
  return { width: m.width, height: m.height };
}

/** An image's pixels: 8-bit RGB, row-major. */
export interface RgbImage {
  readonly width: number;
  readonly height: number;
  readonly data: Uint8Array;
}

/** Decodes an image (file path or encoded bytes) to RGB. */
export async function decodeRgb(input: string | Uint8Array): Promise<RgbImage> {
  const { data, info } = await sharp(input).removeAlpha().toColourspace('srgb').raw().toBuffer({ resolveWithObject: true });
  return { width: info.width, height: info.height, data: new Uint8Array(data.buffer, data.byteOffset, data.byteLength) };
}

/** A JPEG thumbnail `width` pixels wide (height keeps the aspect ratio). */
export async function thumbnailJpeg(input: string | Uint8Array, width: number): Promise<Uint8Array> {
  return new Uint8Array(await sharp(input).resize({ width, withoutEnlargement: true }).jpeg({ quality: 80 }).toBuffer());
}

/** A box in pixels (top-left, width, height). */
export interface CropBox {
  readonly x: number;
  readonly y: number;
  readonly w: number;
  readonly h: number;
}

/**
 * Crops boxes out of a decoded frame and resizes each to outW×outH (RGB, 8-bit), packed one after
 * the other: the typed array the training data pipeline batches. Boxes reaching outside the frame
 * are clamped to it; a box with no pixels inside gives a black crop.
 */
export async function cropBoxes(img: RgbImage, boxes: readonly CropBox[], outW: number, outH: number): Promise<Uint8Array> {
  const out = new Uint8Array(boxes.length * outW * outH * 3);
  const src = sharp(img.data, { raw: { width: img.width, height: img.height, channels: 3 } });
  await Promise.all(
    boxes.map(async (b, i) => {
      const left = Math.max(0, Math.floor(b.x));
      const top = Math.max(0, Math.floor(b.y));
      const right = Math.min(img.width, Math.ceil(b.x + b.w));
      const bottom = Math.min(img.height, Math.ceil(b.y + b.h));
      if (right - left < 1 || bottom - top < 1) return;
      const buf = await src
        .clone()
        .extract({ left, top, width: right - left, height: bottom - top })
        .resize(outW, outH, { fit: 'fill' })
        .raw()
        .toBuffer();
      out.set(buf, i * outW * outH * 3);
    }),
  );
  return out;
}

/** Encodes RGB pixels as JPEG (sample generation, tests). */
export async function encodeJpeg(img: RgbImage, quality = 90): Promise<Uint8Array> {
  return new Uint8Array(await sharp(img.data, { raw: { width: img.width, height: img.height, channels: 3 } }).jpeg({ quality }).toBuffer());
}
