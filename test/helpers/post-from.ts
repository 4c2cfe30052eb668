import { request } from 'node:http';

/**
 * POSTs JSON from another loopback address (Linux routes all of 127/8 to lo): another client as the
 * gateway sees it, without a proxy header it would rightly not trust. Resolves with the status.
 */
export function postJsonFrom(url: string, body: unknown, localAddress: string): Promise<number> {
  return new Promise<number>((resolve, reject) => {
    const text = JSON.stringify(body);
    const req = request(
      url,
      { method: 'POST', localAddress, headers: { 'content-type': 'application/json', 'content-length': Buffer.byteLength(text) } },
      (res) => {
        res.resume();
        res.on('end', () => resolve(res.statusCode!));
      },
    );
    req.on('error', reject);
    req.end(text);
  });
}
