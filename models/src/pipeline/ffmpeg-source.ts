import { spawn, type ChildProcess } from 'node:child_process';
import type { RgbImage } from '../expression-model.ts';

export interface FfmpegSourceOptions {
  /** a file, an RTSP/HTTP stream URL, or a V4L2 device (/dev/video0) */
  input: string;
  fps: number;
  width: number;
  height: number;
  /** read a file at its own pace (as a camera would deliver it) rather than as fast as possible */
  realtime: boolean;
}

/**
 * Raw frames from an ffmpeg child process (rgb24 on its stdout, never written anywhere). Emits
 * frames, then `onEnd` with an error message when ffmpeg failed (unreadable input, say).
 */
export class FfmpegSource {
  private child: ChildProcess | undefined;

  constructor(private readonly options: FfmpegSourceOptions) {}

  start(onFrame: (frame: RgbImage, at: number) => void, onEnd: (error?: string) => void): void {
    const { input, fps, width, height, realtime } = this.options;
    const args = ['-hide_banner', '-loglevel', 'error', '-nostdin'];
    if (input.startsWith('/dev/video')) args.push('-f', 'v4l2');
    if (realtime && !/^(rtsp|https?):/.test(input)) args.push('-re');
    if (input.startsWith('rtsp:')) args.push('-rtsp_transport', 'tcp');
    args.push('-i', input, '-vf', `fps=${fps},scale=${width}:${height}`, '-f', 'rawvideo', '-pix_fmt', 'rgb24', 'pipe:1');
    const child = spawn('ffmpeg', args, { stdio: ['ignore', 'pipe', 'pipe'] });
    this.child = child;
    const frameBytes = width * height * 3;
    let buffer: Buffer = Buffer.alloc(0);
    let stderr = '';
    child.stdout!.on('data', (chunk: Buffer) => {
      buffer = buffer.length ? Buffer.concat([buffer, chunk]) : chunk;
      while (buffer.length >= frameBytes) {
        onFrame({ width, height, data: new Uint8Array(buffer.subarray(0, frameBytes)) }, Date.now());
        buffer = buffer.subarray(frameBytes);
      }
    });
    child.stderr!.on('data', (chunk: Buffer) => (stderr = (stderr + chunk.toString()).slice(-2000)));
    child.once('error', (error) => onEnd(`cannot run ffmpeg (apt-get install ffmpeg): ${error.message}`));
    child.once('exit', (code) => {
      this.child = undefined;
      onEnd(code === 0 ? undefined : `ffmpeg could not read ${input}: ${stderr.trim().split('\n').pop() ?? `exit code ${code}`}`);
    });
  }

  stop(): void {
    this.child?.kill('SIGKILL');
    this.child = undefined;
  }
}
