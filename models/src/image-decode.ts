import { createRequire } from 'node:module';
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

const require = createRequire(import.meta.url);

/**
 * BMP, TIFF and GIF (the first frame), as image sets are also handed out (JAFFE is TIFF), through
 * jimp's format decoders (pure JavaScript, maintained with jimp): RGBA out. Each loads on its
 * first image, so a gateway whose cameras send JPEG never holds them (8 MB resident together).
 */
const OTHER_DECODERS = { bmp: '@jimp/js-bmp', tiff: '@jimp/js-tiff', gif: '@jimp/js-gif' } as const;
type Decode = (data: Buffer) => { data: Buffer | Uint8Array; width: number; height: number };
const otherDecoder = (format: keyof typeof OTHER_DECODERS): Decode =>
  (require(OTHER_DECODERS[format]) as { default: () => { decode: Decode } }).default().decode;

export type ImageFormat = 'jpeg' | 'png' | keyof typeof OTHER_DECODERS;
/** What the decoders read, in words for messages, and the file names they are looked for under (decoded by content, so a PNG named .jpg still works). */
export const IMAGE_FORMATS = 'JPEG, PNG, BMP, TIFF or GIF';
export const IMAGE_EXTENSIONS = ['.jpg', '.jpeg', '.png', '.bmp', '.tif', '.tiff', '.gif'];

/** The formats the decoders read, by their first bytes. */
export function imageFormat(bytes: Uint8Array): ImageFormat | undefined {
  const starts = (...b: number[]) => b.every((x, i) => bytes[i] === x);
  if (starts(0xff, 0xd8)) return 'jpeg';
  if (starts(0x89, 0x50, 0x4e, 0x47)) return 'png';
  if (starts(0x42, 0x4d)) return 'bmp';
  if (starts(0x49, 0x49, 0x2a, 0x00) || starts(0x4d, 0x4d, 0x00, 0x2a)) return 'tiff';
  if (starts(0x47, 0x49, 0x46, 0x38)) return 'gif';
  return undefined;
}

/** Decodes a JPEG, PNG, BMP, TIFF or GIF image, whatever its extension says; anything else is an ImageFormatError naming what it is not. */
export function decodeImage(bytes: Uint8Array, name = 'the image'): RgbImage {
  const format = imageFormat(bytes);
  if (!format) throw new ImageFormatError(`${name} is not a ${IMAGE_FORMATS} image`);
  try {
    if (format === 'jpeg') return jpegToRgb(bytes);
    if (format === 'png') return pngToRgb(bytes);
    const bitmap = otherDecoder(format)(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength));
    return rgbFromRgba(bitmap.width, bitmap.height, bitmap.data);
  } catch (error) {
    throw new ImageFormatError(`${name} is a damaged ${format.toUpperCase()} file: ${(error as Error).message}`);
  }
}
