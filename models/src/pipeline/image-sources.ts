import { readdirSync } from 'node:fs';
import { extname, join } from 'node:path';
import type { RgbImage } from '../expression-model.ts';
import { decodeImageFile } from '../eval/dataset.ts';
import { IMAGE_EXTENSIONS, IMAGE_FORMATS } from '../image-decode.ts';
import { jpegToRgb } from '../image-decode.ts';

/** A frame source: delivers frames until stopped, or ends with an error message. */
export interface FrameSource {
  start(onFrame: (frame: RgbImage, at: number) => void, onEnd: (error?: string) => void): void;
  stop(): void;
}

/** The JPEG snapshot URL IP cameras offer, polled at an interval; the image lives only in memory. */
export class SnapshotSource implements FrameSource {
  private timer: NodeJS.Timeout | undefined;
  private stopped = false;

  constructor(private readonly options: { url: string; intervalMs: number }) {}

  start(onFrame: (frame: RgbImage, at: number) => void, onEnd: (error?: string) => void): void {
    const poll = async () => {
      if (this.stopped) return;
      try {
        const response = await fetch(this.options.url, { signal: AbortSignal.timeout(10_000) });
        if (!response.ok) throw new Error(`HTTP ${response.status}`);
        onFrame(jpegToRgb(new Uint8Array(await response.arrayBuffer())), Date.now());
        this.timer = setTimeout(() => void poll(), this.options.intervalMs);
      } catch (error) {
        onEnd(`cannot read the snapshot ${this.options.url}: ${(error as Error).message}`);
      }
    };
    void poll();
  }

  stop(): void {
    this.stopped = true;
    clearTimeout(this.timer);
  }
}

/** A folder of images (JPEG, PNG, BMP, TIFF or GIF) played as frames at a rate, for tests and demos. */
export class FolderSource implements FrameSource {
  private timer: NodeJS.Timeout | undefined;

  constructor(private readonly options: { path: string; fps: number; loop: boolean }) {}

  start(onFrame: (frame: RgbImage, at: number) => void, onEnd: (error?: string) => void): void {
    let files: string[];
    try {
      files = readdirSync(this.options.path)
        .filter((f) => IMAGE_EXTENSIONS.includes(extname(f).toLowerCase()))
        .sort();
    } catch (error) {
      return onEnd(`cannot read the image folder ${this.options.path}: ${(error as Error).message}`);
    }
    if (files.length === 0) return onEnd(`no ${IMAGE_FORMATS} images in ${this.options.path}`);
    let i = 0;
    this.timer = setInterval(() => {
      if (i >= files.length) {
        if (!this.options.loop) {
          clearInterval(this.timer);
          return onEnd();
        }
        i = 0;
      }
      onFrame(decodeImageFile(join(this.options.path, files[i++]!)), Date.now());
    }, 1000 / this.options.fps);
  }

  stop(): void {
    clearInterval(this.timer);
  }
}
