import type { User } from './models';
import { archiveInVirginia } from './partners';

/** Never opened by the tests: its finding shows up only through Check Workspace. */
export function archiveUser(user: User): void {
  archiveInVirginia(user.email);
}
