// One build, two faces: the touch terminal at /kiosk/ (loaded at once: it takes its token out of
// the address bar before anything else runs), and a customer's phone at /s/<code> (a QR code).
import './fb-kiosk.ts';

if (location.pathname.startsWith('/s/'))
  void import('./fb-phone-survey.ts').then(() => document.body.append(document.createElement('fb-phone-survey')));
else {
  document.body.append(document.createElement('fb-kiosk'));
  // The app's files from the service worker's cache when the gateway is away (browsers allow it on
  // https and on localhost; on plain http in the LAN the terminal still keeps its answers, not a reload).
  if ('serviceWorker' in navigator) void navigator.serviceWorker.register('/kiosk/sw.js', { scope: '/kiosk/' }).catch(() => undefined);
}
