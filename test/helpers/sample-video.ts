import { execFileSync } from 'node:child_process';
import { copyFileSync, mkdirSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';

const require = createRequire(import.meta.url);

/** The sample photos that ship with face-api (several faces each). */
export function samplePhotos(): string[] {
  const demo = join(dirname(require.resolve('@vladmandic/face-api/package.json')), 'demo');
  return [1, 2, 3, 4, 5].map((i) => join(demo, `sample${i}.jpg`));
}

/** A 640×480 video made by ffmpeg from the sample photos, each shown for `secondsEach`. */
export function sampleVideo(dir: string, secondsEach = 2, fps = 10): string {
  const frames = join(dir, 'frames');
  mkdirSync(frames, { recursive: true });
  samplePhotos().forEach((photo, i) => copyFileSync(photo, join(frames, `img${i + 1}.jpg`)));
  const out = join(dir, 'sample.mp4');
  execFileSync('ffmpeg', [
    '-hide_banner',
    '-loglevel',
    'error',
    '-y',
    '-framerate',
    `1/${secondsEach}`,
    '-i',
    join(frames, 'img%d.jpg'),
    '-vf',
    `scale=640:480:force_original_aspect_ratio=decrease,pad=640:480:(ow-iw)/2:(oh-ih)/2,fps=${fps}`,
    '-pix_fmt',
    'yuv420p',
    out,
  ]);
  return out;
}
