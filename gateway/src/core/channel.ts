/**
 * Where an answer came from: a smiley button (serial, MQTT or an off-the-shelf button), a survey
 * terminal (a kiosk or a device with a survey), or a customer's phone by QR code. The channel is
 * the device's: phone answers come as the point's `phone.<point>` device, terminals are the
 * devices that have a survey, and every other device is a button.
 */
export const CHANNELS = ['button', 'kiosk', 'phone'] as const;
export type Channel = (typeof CHANNELS)[number];

export const PHONE_DEVICE_PREFIX = 'phone.';

export function channelOfDevice(device: { id: string; surveyId?: string | undefined }): Channel {
  if (device.id.startsWith(PHONE_DEVICE_PREFIX)) return 'phone';
  return device.surveyId ? 'kiosk' : 'button';
}
