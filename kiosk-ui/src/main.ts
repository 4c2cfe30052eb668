// One build, two faces: the touch terminal at /kiosk/ (loaded at once: it takes its token out of
// the address bar before anything else runs), and a customer's phone at /s/<code> (a QR code).
import './fb-kiosk.ts';

if (location.pathname.startsWith('/s/')) void import('./fb-phone-survey.ts').then(() => document.body.append(document.createElement('fb-phone-survey')));
else document.body.append(document.createElement('fb-kiosk'));
