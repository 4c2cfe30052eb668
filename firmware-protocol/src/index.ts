export * from './mqtt/topics.ts';
export * from './mqtt/messages.ts';
export { SimulatedButton, type SimulatedButtonOptions } from './simulator/simulated-button.ts';
export { ButtonFleet, type ButtonFleetOptions } from './simulator/button-fleet.ts';
