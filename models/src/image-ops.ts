import type { RgbImage } from './expression-model.ts';

/** Operations on RGB pixels in memory: what the live path and the evaluation both do to a face. */

/** The part of an image inside a box (clamped to the image); the live path's face crop. */
export function crop(image: RgbImage, box: { x: number; y: number; width: number; height: number }): RgbImage {
  const x0 = Math.max(0, Math.floor(box.x));
  const y0 = Math.max(0, Math.floor(box.y));
  const x1 = Math.min(image.width, Math.ceil(box.x + box.width));
  const y1 = Math.min(image.height, Math.ceil(box.y + box.height));
  const width = Math.max(1, x1 - x0);
  const height = Math.max(1, y1 - y0);
  const data = new Uint8Array(width * height * 3);
  for (let y = 0; y < height; y++) {
    const from = ((y0 + y) * image.width + x0) * 3;
    data.set(image.data.subarray(from, from + width * 3), y * width * 3);
  }
  return { width, height, data };
}

/**
 * Changes how tightly a face crop is framed, to measure a model's sensitivity to the cropper:
 * a positive share pads each side by that share of the width (edge pixels repeated, as a looser
 * detector box would show more of the same surroundings); a negative one cuts that share off each side.
 */
export function reframe(image: RgbImage, share: number): RgbImage {
  if (share === 0) return image;
  const grow = Math.sign(share) * Math.round(Math.abs(share) * image.width);
  const width = image.width + 2 * grow;
  const height = image.height + 2 * grow;
  if (width < 8 || height < 8) throw new RangeError(`cannot cut ${-share} off each side of a ${image.width}×${image.height} image`);
  const data = new Uint8Array(width * height * 3);
  for (let y = 0; y < height; y++) {
    const sy = Math.min(image.height - 1, Math.max(0, y - grow));
    for (let x = 0; x < width; x++) {
      const sx = Math.min(image.width - 1, Math.max(0, x - grow));
      data.set(image.data.subarray((sy * image.width + sx) * 3, (sy * image.width + sx) * 3 + 3), (y * width + x) * 3);
    }
  }
  return { width, height, data };
}
