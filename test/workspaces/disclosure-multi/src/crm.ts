import type { Customer } from './models';

/** @recipient us-crm */
export function syncToCrm(payload: unknown): void {
  void payload;
}

/** @recipient de-support */
export function openTicket(payload: unknown): void {
  void payload;
}

/** @readable-by cn-ops */
export function logOrder(payload: unknown): void {
  void payload;
}

/** @recipient uy-partner */
export function shareWithPartner(payload: unknown): void {
  void payload;
}

/** @recipient sg-cloud */
export function archive(payload: unknown): void {
  void payload;
}

export function onSignup(c: Customer): void {
  syncToCrm({ id: c.id, email: c.email });
  openTicket({ email: c.email });
  logOrder({ id: c.id, card: c.cardLast4 });
  shareWithPartner({ where: c.lastLocation });
  archive(c);
}
