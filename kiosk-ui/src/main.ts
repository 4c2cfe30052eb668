import './fb-kiosk.ts';
