import './fb-dashboard.ts';
