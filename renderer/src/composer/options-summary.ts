// What the Options tab holds that differs from a new request's defaults: its label counts
// them and its tooltip names them, so an option set stays in sight behind the tab.
import { COMPOSER_DEFAULTS, type DraftOptions, type Engine } from './draft.js';
import { httpVersionLabel } from '../../../domain/http-version.js';

/** The options that differ from the defaults, each named as a short phrase. The engine
 * counts when it is neither auto nor the default engine chosen in Settings (a new tab's). */
export function changedOptions(o: DraftOptions, defaultEngine: Engine = 'auto'): string[] {
  const out: string[] = [];
  if (o.engine !== 'auto' && o.engine !== defaultEngine) out.push(`engine ${o.engine}`);
  if (o.httpVersion) out.push(httpVersionLabel(o.httpVersion));
  if (o.followRedirects !== COMPOSER_DEFAULTS.followRedirects) out.push(o.followRedirects ? 'follow redirects' : 'no redirects followed');
  if (o.insecure !== COMPOSER_DEFAULTS.insecure) out.push('insecure');
  if ((o.sendCookies ?? COMPOSER_DEFAULTS.sendCookies) !== COMPOSER_DEFAULTS.sendCookies) out.push('cookies not sent');
  if (o.caFile) out.push('CA file');
  if (o.clientCert) out.push('client certificate');
  if (o.timeoutS.trim() !== '') out.push(`timeout ${o.timeoutS.trim()} s`);
  if (o.proxy.trim() !== '') out.push('proxy');
  if ((o.noProxy ?? '').trim() !== '') out.push('no-proxy list');
  if ((o.proxyUser ?? '') !== '') out.push('proxy user');
  return out;
}
