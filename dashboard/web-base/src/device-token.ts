/**
 * A device's scoped token (a staff screen, a kiosk): given once in the address after '#token=',
 * then kept in this browser and taken out of the address bar, so it is neither shown on the
 * device's screen nor sent to any server as part of a URL.
 */
export function deviceToken(key: string): string | null {
  const fromHash = new URLSearchParams(location.hash.slice(1)).get('token');
  if (fromHash) {
    localStorage.setItem(key, fromHash);
    history.replaceState(null, '', location.pathname + location.search);
    return fromHash;
  }
  return localStorage.getItem(key);
}

/** Forgets a token the gateway no longer accepts (revoked, or the device unpaired). */
export function forgetDeviceToken(key: string): void {
  localStorage.removeItem(key);
}
