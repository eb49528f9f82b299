/**
 * JPR006 — message content or communication metadata reaches a party other than the operator itself
 * and the data subject (Telecommunications Business Act Art. 4, secrecy of communications).
 */
import { partyTrigger } from './facts';
import type { FlowFacts, RuleDefinition, Trigger } from './types';

const SECRET = new Set(['message-content', 'comm-metadata']);

function check(f: FlowFacts): Trigger | undefined {
  if (!SECRET.has(f.source.category)) return undefined;
  return partyTrigger(f, (x) => x.id !== 'self' && x.access !== 'data-subject');
}

export const JPR006: RuleDefinition = {
  id: 'JPR006',
  defaultSeverity: 'error',
  cites: 'Telecommunications Business Act Art. 4',
  title: { en: 'Secrecy of communications', ja: '通信の秘密' },
  message: {
    en: (a) => `${a.data} is covered by the secrecy of communications and reaches ${a.target} (Telecommunications Business Act Art. 4)`,
    ja: (a) => `${a.data} は通信の秘密の対象ですが、${a.target} に渡ります（電気通信事業法4条）`,
  },
  check,
};
