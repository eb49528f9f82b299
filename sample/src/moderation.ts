import type { MessengerUser, ReportedMessage } from './models';

/** Work queue of the Dalian monitoring contractor. @recipient dalian-ops */
export function sendToReviewQueue(payload: unknown): void {
  void payload;
}

function describe(user: MessengerUser, report: ReportedMessage): string {
  return `${user.name} reported: ${report.excerpt}`;
}

export function escalate(user: MessengerUser, report: ReportedMessage): void {
  const summary = describe(user, report);
  sendToReviewQueue({ summary, reporter: user.id });
}
