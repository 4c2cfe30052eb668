import { readdirSync, readFileSync, statSync } from 'node:fs';
import { extname, join } from 'node:path';
import { isEmotion, type Emotion } from '../emotions.ts';
import type { RgbImage } from '../expression-model.ts';
import { jpegToRgb } from '../jpeg.ts';

/** Folder names other datasets use (CK+ and others) → our labels; null means "skip this class". */
const ALIASES: Record<string, Emotion | null> = {
  anger: 'angry',
  sadness: 'sad',
  happiness: 'happy',
  fearful: 'fear',
  disgusted: 'disgust',
  surprised: 'surprise',
  contempt: null,
};

export interface LabelledImage {
  file: string;
  label: Emotion;
}

export interface Dataset {
  images: LabelledImage[];
  /** folders that name no class we know, or classes we skip (contempt) */
  skippedFolders: string[];
  /** files that are not JPEG */
  skippedFiles: number;
}

/** Reads a folder with one subfolder per label. */
export function readDataset(root: string): Dataset {
  let entries: string[];
  try {
    entries = readdirSync(root).sort();
  } catch (error) {
    throw new Error(`Cannot read the dataset folder ${root}: ${(error as Error).message}`);
  }
  const dataset: Dataset = { images: [], skippedFolders: [], skippedFiles: 0 };
  for (const folder of entries) {
    const path = join(root, folder);
    if (!statSync(path).isDirectory()) continue;
    const name = folder.toLowerCase();
    const label = isEmotion(name) ? name : ALIASES[name];
    if (!label) {
      dataset.skippedFolders.push(folder);
      continue;
    }
    for (const file of readdirSync(path).sort()) {
      if (!['.jpg', '.jpeg'].includes(extname(file).toLowerCase())) {
        dataset.skippedFiles++;
        continue;
      }
      dataset.images.push({ file: join(path, file), label });
    }
  }
  if (dataset.images.length === 0) throw new Error(`No labelled JPEG images under ${root} (expected folders such as happy/, sad/, angry/)`);
  return dataset;
}

/** Decodes a JPEG file to RGB pixels. */
export function decodeJpeg(file: string): RgbImage {
  return jpegToRgb(readFileSync(file));
}
