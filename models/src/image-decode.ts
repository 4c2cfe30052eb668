import jpeg from 'jpeg-js';
import type { RgbImage } from './expression-model.ts';

/** Decodes JPEG bytes to RGB pixels (greyscale images become three equal channels). */
export function jpegToRgb(bytes: Uint8Array): RgbImage {
  const { width, height, data } = jpeg.decode(bytes, { useTArray: true, formatAsRGBA: true, maxMemoryUsageInMB: 256 });
  const rgb = new Uint8Array(width * height * 3);
  for (let i = 0, j = 0; i < data.length; i += 4, j += 3) {
    rgb[j] = data[i]!;
    rgb[j + 1] = data[i + 1]!;
    rgb[j + 2] = data[i + 2]!;
  }
  return { width, height, data: rgb };
}
