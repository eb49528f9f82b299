import type { MessengerUser } from './models';

const users: MessengerUser[] = [];

/**
 * The account search of the admin console, used by engineers of the group company in China.
 * @exposes-to ldt-dalian
 */
export function searchAccounts(query: string): Array<{ name: string; phone: string }> {
  return users.filter((u) => u.name.includes(query)).map((u) => ({ name: u.name, phone: u.phoneNumber }));
}

/** Theme statistics are not personal data. @exposes-to ldt-dalian */
export function themeStats(): string[] {
  return users.map((u) => u.displayTheme);
}
