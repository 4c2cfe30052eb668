import jpeg from 'jpeg-js';
import { PNG } from 'pngjs';
import type { RgbImage } from './expression-model.ts';

export class ImageFormatError extends Error {
  override readonly name = 'ImageFormatError';
}

/** RGBA (or grey + alpha) pixels → RGB, 3 bytes per pixel; greyscale becomes three equal channels. */
function rgbFromRgba(width: number, height: number, rgba: Uint8Array): RgbImage {
  const rgb = new Uint8Array(width * height * 3);
  for (let i = 0, j = 0; i < rgba.length; i += 4, j += 3) {
    rgb[j] = rgba[i]!;
    rgb[j + 1] = rgba[i + 1]!;
    rgb[j + 2] = rgba[i + 2]!;
  }
  return { width, height, data: rgb };
}

/** Decodes JPEG bytes to RGB pixels (greyscale images become three equal channels). */
export function jpegToRgb(bytes: Uint8Array): RgbImage {
  const { width, height, data } = jpeg.decode(bytes, { useTArray: true, formatAsRGBA: true, maxMemoryUsageInMB: 256 });
  return rgbFromRgba(width, height, data);
}

/** Decodes PNG bytes (any bit depth, greyscale or colour, with or without alpha) to RGB pixels. */
export function pngToRgb(bytes: Uint8Array): RgbImage {
  const png = PNG.sync.read(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength));
  return rgbFromRgba(png.width, png.height, png.data);
}

/** The formats the decoders read, by their first bytes. */
export function imageFormat(bytes: Uint8Array): 'jpeg' | 'png' | undefined {
  if (bytes[0] === 0xff && bytes[1] === 0xd8) return 'jpeg';
  if (bytes[0] === 0x89 && bytes[1] === 0x50 && bytes[2] === 0x4e && bytes[3] === 0x47) return 'png';
  return undefined;
}

/** Decodes a JPEG or PNG image, whatever its extension says; anything else is an ImageFormatError naming what it is not. */
export function decodeImage(bytes: Uint8Array, name = 'the image'): RgbImage {
  const format = imageFormat(bytes);
  if (!format) throw new ImageFormatError(`${name} is neither JPEG nor PNG`);
  try {
    return format === 'jpeg' ? jpegToRgb(bytes) : pngToRgb(bytes);
  } catch (error) {
    throw new ImageFormatError(`${name} is a damaged ${format.toUpperCase()} file: ${(error as Error).message}`);
  }
}
