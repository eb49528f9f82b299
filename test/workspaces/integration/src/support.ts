import type { User } from './models';
import { sendToSupport } from './partners';

function contactLine(user: User): string {
  return `${user.name} <${user.email}>`;
}

/** Hands a user's contact line to the support contractor abroad (the integration tests' main flow). */
export function escalate(user: User): void {
  const line = contactLine(user);
  sendToSupport(line);
}
