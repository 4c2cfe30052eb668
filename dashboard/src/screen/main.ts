import './fb-staff-screen.ts';
