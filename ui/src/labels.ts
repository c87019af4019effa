// The user's words for the backend's enum values.
import type { Mode } from './bindings/Mode';
import type { Role } from './bindings/Role';

export const ROLES: ReadonlyArray<{ value: Role; label: string }> = [
  { value: 'networkConnector', label: 'Network connector' },
  { value: 'adviser', label: 'Adviser' },
  { value: 'ideaPerson', label: 'Idea person' },
  { value: 'emotionalConnector', label: 'Emotional connector' },
  { value: 'successPartner', label: 'Success partner' },
  { value: 'insider', label: 'Company or industry insider' },
  { value: 'peer', label: 'Peer / co-mentor' },
];

export const MODES: ReadonlyArray<{ value: Mode; label: string }> = [
  { value: 'coffee', label: 'Coffee' },
  { value: 'call', label: 'Call' },
  { value: 'video', label: 'Video' },
  { value: 'email', label: 'Email' },
  { value: 'message', label: 'Message' },
];

export function roleLabel(role: Role): string {
  return ROLES.find((r) => r.value === role)?.label ?? role;
}

export function rolesText(roles: readonly Role[]): string {
  // Show roles in the order of the form, whatever order they were stored in.
  return ROLES.filter((r) => roles.includes(r.value)).map((r) => r.label).join(', ');
}

export function modeLabel(mode: Mode): string {
  return MODES.find((m) => m.value === mode)?.label ?? mode;
}
