export * from './mqtt/topics.ts';
export * from './mqtt/messages.ts';
export * from './serial/messages.ts';
export { crc16 } from './serial/crc16.ts';
export { cobsEncode, cobsDecode } from './serial/cobs.ts';
export { encodeFrame, encodeRaw, decodeFrame, decodeRaw, type DecodeResult, type DropReason } from './serial/codec.ts';
export { FrameParser } from './serial/frame-parser.ts';
export { SimulatedButton, type SimulatedButtonOptions } from './simulator/simulated-button.ts';
export { ButtonFleet, type ButtonFleetOptions } from './simulator/button-fleet.ts';
