import type { User } from './models';
import { sendToSupport } from './partners';

/** Clean: the theme is not personal data. A test edits `user.theme` into `user.email` to create a flow. */
export function reportBillingIssue(user: User): void {
  sendToSupport({ subject: 'billing issue', theme: user.theme });
}
