import { readdirSync, readFileSync, statSync } from 'node:fs';
import { extname, join } from 'node:path';
import { isEmotion, type Emotion } from '../emotions.ts';
import type { RgbImage } from '../expression-model.ts';
import { decodeImage, IMAGE_EXTENSIONS, IMAGE_FORMATS } from '../image-decode.ts';

/** Folder names other datasets use (CK+, FER+, AffectNet-style and others) → our labels; null means "skip this class". */
const ALIASES: Record<string, Emotion | null> = {
  anger: 'angry',
  sadness: 'sad',
  happiness: 'happy',
  fearful: 'fear',
  disgusted: 'disgust',
  surprised: 'surprise',
  surprise: 'surprise',
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
  /** files that are not images the decoders read, by extension */
  skippedFiles: number;
}

/** Reads a folder with one subfolder per label; says plainly what it found when nothing is usable. */
export function readDataset(root: string): Dataset {
  let entries: string[];
  try {
    entries = readdirSync(root).sort();
  } catch (error) {
    throw new Error(`Cannot read the dataset folder ${root}: ${(error as Error).message}`);
  }
  const dataset: Dataset = { images: [], skippedFolders: [], skippedFiles: 0 };
  const otherExtensions = new Map<string, number>();
  const labelFolders: string[] = [];
  for (const folder of entries) {
    const path = join(root, folder);
    if (!statSync(path).isDirectory()) continue;
    const name = folder.toLowerCase();
    const label = isEmotion(name) ? name : ALIASES[name];
    if (!label) {
      dataset.skippedFolders.push(folder);
      continue;
    }
    labelFolders.push(folder);
    for (const file of readdirSync(path).sort()) {
      const extension = extname(file).toLowerCase();
      if (!IMAGE_EXTENSIONS.includes(extension)) {
        dataset.skippedFiles++;
        otherExtensions.set(extension || '(none)', (otherExtensions.get(extension || '(none)') ?? 0) + 1);
        continue;
      }
      dataset.images.push({ file: join(path, file), label });
    }
  }
  if (dataset.images.length > 0) return dataset;
  if (labelFolders.length === 0) {
    const seen = dataset.skippedFolders.length ? `it has ${dataset.skippedFolders.slice(0, 8).join(', ')}` : 'it has no subfolders';
    // an archive unpacked into a folder of its own (…/CK+48/anger): say which folder to name
    const holder = dataset.skippedFolders.find((folder) => {
      try {
        return readdirSync(join(root, folder)).some((name) => isEmotion(name.toLowerCase()) || ALIASES[name.toLowerCase()]);
      } catch {
        return false;
      }
    });
    const hint = holder ? `; ${join(root, holder)} holds label folders: name that folder` : '';
    throw new Error(
      `No label folders under ${root}: expected one subfolder per expression (angry, disgust, fear, happy, neutral, sad, surprise; CK+ names such as anger and sadness work too), but ${seen}${hint}`,
    );
  }
  const found = [...otherExtensions].map(([ext, n]) => `${n} ${ext}`).join(', ');
  throw new Error(
    `The label folders under ${root} (${labelFolders.join(', ')}) hold no ${IMAGE_FORMATS} images${found ? ` (found ${found} files)` : ' (they are empty)'}`,
  );
}

/** Decodes an image file (JPEG, PNG, BMP, TIFF or GIF, by its content) to RGB pixels. */
export function decodeImageFile(file: string): RgbImage {
  return decodeImage(readFileSync(file), file);
}
