const KEY = 'fb-screen-token';

/**
 * The screen's scoped token: given once in the address (/screen/<name>#token=…), then kept in this
 * browser and taken out of the address bar, so it is neither shown on the TV nor sent to any server
 * as part of a URL.
 */
export function screenToken(): string | null {
  const fromHash = new URLSearchParams(location.hash.slice(1)).get('token');
  if (fromHash) {
    localStorage.setItem(KEY, fromHash);
    history.replaceState(null, '', location.pathname + location.search);
    return fromHash;
  }
  return localStorage.getItem(KEY);
}

export function forgetScreenToken(): void {
  localStorage.removeItem(KEY);
}
