/** How a device reaches the gateway. */
export type Transport = 'mqtt' | 'serial' | 'zigbee2mqtt' | 'tasmota' | 'shelly';
