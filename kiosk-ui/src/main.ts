// One build, two faces: the touch terminal at /kiosk/, and a customer's phone at /s/<code> (a QR code).
if (location.pathname.startsWith('/s/')) {
  void import('./fb-phone-survey.ts').then(() => document.querySelector('fb-kiosk')?.replaceWith(document.createElement('fb-phone-survey')));
} else {
  void import('./fb-kiosk.ts');
}
export {};
