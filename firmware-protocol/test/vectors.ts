import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { ProtocolMessage } from '../src/index.ts';

export interface Vector {
  title: string;
  /** encodes to these bytes and decodes back */
  fields?: ProtocolMessage;
  /** decodes to these fields (a newer minor version's frame) */
  decodes?: ProtocolMessage;
  drop?: string;
  /** the error the gateway answers the dropped frame with */
  error?: string;
  raw: Uint8Array;
  wire: Uint8Array;
}

const bytes = (hex: string) => Uint8Array.from(hex.trim().split(/\s+/), (h) => parseInt(h, 16));

/** The test vectors, read out of PROTOCOL.md itself so that the document cannot drift from the code. */
export function readVectors(): Vector[] {
  const doc = readFileSync(fileURLToPath(new URL('../PROTOCOL.md', import.meta.url)), 'utf8');
  const vectors: Vector[] = [];
  for (const match of doc.matchAll(/### (.+)\n\n```vector\n([\s\S]*?)```/g)) {
    const lines = new Map(
      match[2]!
        .trim()
        .split('\n')
        .map((line) => {
          const i = line.indexOf(':');
          return [line.slice(0, i).trim(), line.slice(i + 1).trim()] as const;
        }),
    );
    const vector: Vector = { title: match[1]!, raw: bytes(lines.get('raw')!), wire: bytes(lines.get('wire')!) };
    if (lines.has('fields')) vector.fields = JSON.parse(lines.get('fields')!) as ProtocolMessage;
    if (lines.has('decodes')) vector.decodes = JSON.parse(lines.get('decodes')!) as ProtocolMessage;
    if (lines.has('drop')) vector.drop = lines.get('drop');
    if (lines.has('error')) vector.error = lines.get('error');
    vectors.push(vector);
  }
  return vectors;
}
