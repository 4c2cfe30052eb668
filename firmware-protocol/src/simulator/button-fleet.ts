import { SimulatedButton, type SimulatedButtonOptions } from './simulated-button.ts';

export interface ButtonFleetOptions extends Omit<SimulatedButtonOptions, 'deviceId'> {
  deviceIds: string[];
  /** presses per minute per device; each press comes after a random (exponential) pause */
  pressesPerMinute: number;
  onError?: (error: Error) => void;
}

/** A group of simulated buttons pressed at random intervals, for demos and load. */
export class ButtonFleet {
  readonly buttons: SimulatedButton[];
  private readonly timers = new Set<NodeJS.Timeout>();
  private running = false;

  constructor(private readonly options: ButtonFleetOptions) {
    const { deviceIds, pressesPerMinute: _rate, onError: _onError, ...buttonOptions } = options;
    this.buttons = deviceIds.map((deviceId) => new SimulatedButton({ ...buttonOptions, deviceId }));
  }

  async start(): Promise<void> {
    await Promise.all(this.buttons.map((b) => b.connect()));
    this.running = true;
    for (const button of this.buttons) this.schedule(button);
  }

  async stop(): Promise<void> {
    this.running = false;
    for (const timer of this.timers) clearTimeout(timer);
    this.timers.clear();
    await Promise.all(this.buttons.map((b) => b.close()));
  }

  private schedule(button: SimulatedButton): void {
    if (!this.running) return;
    const meanMs = 60_000 / this.options.pressesPerMinute;
    const delay = -Math.log(1 - Math.random()) * meanMs;
    const timer = setTimeout(() => {
      this.timers.delete(timer);
      if (!this.running) return;
      try {
        button.press();
      } catch (error) {
        this.options.onError?.(error as Error);
      }
      this.schedule(button);
    }, delay);
    this.timers.add(timer);
  }
}
