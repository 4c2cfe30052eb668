import { api } from '@feedback/web-base/api-client.ts';
import type { BodyOf } from '@feedback/web-base/contract.ts';

export type Role = BodyOf<'POST /api/users'>['role'];

export const users = () => api.call('GET /api/users').then((r) => r.users);

/** A new user, who chooses their own password at first sign-in. */
export const createUser = (user: { username: string; password: string; role: Role; sites: string[] }) =>
  api.call('POST /api/users', { body: { ...user, mustChangePassword: true } });

/** Changes a user's role or sites; the user signs in again. */
export const changeUser = (id: number, change: BodyOf<'PATCH /api/users/:id'>) =>
  api.call('PATCH /api/users/:id', { params: { id }, body: change });

/** Sets a new password, which the user must change at next sign-in. */
export const resetPassword = (id: number, password: string) =>
  api.call('POST /api/users/:id/password', { params: { id }, body: { password } });

export const deleteUser = (id: number) => api.call('DELETE /api/users/:id', { params: { id } });
