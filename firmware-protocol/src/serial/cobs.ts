/**
 * Consistent Overhead Byte Stuffing (Cheshire and Baker, 1999). The encoded form holds no 0x00
 * byte, so 0x00 can delimit frames on the wire. Frames here are at most 254 bytes before encoding,
 * so the encoding adds exactly one byte.
 */
export function cobsEncode(input: Uint8Array): Uint8Array {
  const out = new Uint8Array(input.length + Math.ceil(input.length / 254) + 1);
  let codeIndex = 0;
  let code = 1;
  let o = 1;
  for (let i = 0; i < input.length; i++) {
    const byte = input[i]!;
    if (byte === 0) {
      out[codeIndex] = code;
      codeIndex = o++;
      code = 1;
      continue;
    }
    out[o++] = byte;
    // A full block of 254 bytes ends without an implied zero; open the next one only if input remains.
    if (++code === 0xff && i < input.length - 1) {
      out[codeIndex] = code;
      codeIndex = o++;
      code = 1;
    }
  }
  out[codeIndex] = code;
  return out.subarray(0, o);
}

/** Decodes one COBS block (without its 0x00 delimiter); undefined when it is not valid COBS. */
export function cobsDecode(input: Uint8Array): Uint8Array | undefined {
  const out = new Uint8Array(input.length);
  let o = 0;
  let i = 0;
  while (i < input.length) {
    const code = input[i++]!;
    if (code === 0) return undefined;
    const end = i + code - 1;
    if (end > input.length) return undefined;
    while (i < end) {
      const byte = input[i++]!;
      if (byte === 0) return undefined;
      out[o++] = byte;
    }
    if (code !== 0xff && i < input.length) out[o++] = 0;
  }
  return out.subarray(0, o);
}
