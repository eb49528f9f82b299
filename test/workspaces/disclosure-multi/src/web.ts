import * as Sentry from '@sentry/browser';
import { datadogRum } from '@datadog/browser-rum';
import type { Customer } from './models';

datadogRum.init({ applicationId: 'app', clientToken: 'token', site: 'datadoghq.com' });

export function identify(c: Customer): void {
  Sentry.setUser({ id: c.id, email: c.email });
  datadogRum.setUser({ id: c.id });
}

export async function backup(c: Customer): Promise<void> {
  await fetch('https://backup.s3.eu-west-1.amazonaws.com/customers', { method: 'PUT', body: JSON.stringify({ email: c.email }) });
}
