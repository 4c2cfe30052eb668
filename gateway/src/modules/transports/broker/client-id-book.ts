/**
 * Binds MQTT client ids to user names, so that one device cannot knock another offline by
 * connecting with its client id. A client id belongs to the first user name that connects with
 * it (for the broker's lifetime), and a device's own id (or `device-<id>`) is reserved for that
 * device from the start. The same user may reconnect with its id at any time (taking over its
 * own stale connection, as MQTT intends).
 */
export class ClientIdBook {
  private readonly owners = new Map<string, string>();

  constructor(
    /** the user a client id is reserved for, if any */
    private readonly reservedFor: (clientId: string) => string | undefined,
    private readonly maxEntries = 100_000,
  ) {}

  /** True when `user` may use `clientId` (and it is now bound to them). */
  claim(clientId: string, user: string): boolean {
    const owner = this.reservedFor(clientId) ?? this.owners.get(clientId);
    if (owner !== undefined && owner !== user) return false;
    if (owner === undefined) {
      this.owners.set(clientId, user);
      if (this.owners.size > this.maxEntries) this.owners.delete(this.owners.keys().next().value!);
    }
    return true;
  }
}
