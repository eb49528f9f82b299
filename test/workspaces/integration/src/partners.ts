/** Ticket queue of the support contractor in Seoul. @recipient seoul-support */
export function sendToSupport(payload: unknown): void {
  void payload;
}

/** Archive bucket in Virginia, on our own cloud account. @region aws:us-east-1 */
export function archiveInVirginia(payload: unknown): void {
  void payload;
}
