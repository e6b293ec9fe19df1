import { toUsd } from '../core/fx.js';
import type { AgeBand } from '../core/report-input.js';
import { brandSector } from './brand.js';
import type { Amount, Indicator, RemoteTool, Severity, Triage } from './types.js';

// Words of the tech-support pretext, in the languages Dragnet reads.
const TECH_RE =
  /virus|malware|hack(?:ed|er)|infect|trojan|spyware|compromised|your (?:computer|pc|device|laptop|mac)|my (?:computer|pc|laptop|mac|screen|router)|technician|tech support|technical support|support (?:technician|team|line|plan)|helpline|hotline|firewall|anti-?virus|licen[cs]e|renewal|subscription|error|lock(?:ed)? screen|blue screen|pop-?up|warning|security|fake scan|do not restart|event viewer|router|ordinateur|technicien|piraté|dépannage|rechner|computer|techniker|gehackt|sicherheit|fernwartung|ordenador|computadora|técnico|pirateado|soporte|licencia|パソコン|ウイルス|サポート|感染|ハッキング|警告|セキュリティ/i;
const REFUND_TRICK_RE = /refund|over-?refund|too much|by mistake|rembours|erstatt|reembols|返金/i;
// Other scams share payment rails and urgency but not the pretext.
const OTHER_SCAM_RE =
  /romance|dating|boyfriend|girlfriend|lottery|\bwon\b|prize|sweepstake|inheritance|investment|trading platform|job offer|work from home|rental|landlord|puppy|parcel|package delivery|customs fee|loterie|gewinnspiel|lotería|inversión|投資|当選/i;
const SEVERITIES: Severity[] = ['low', 'medium', 'high', 'critical'];

/** What triage reads from an extraction (and the victim's age band, from the structured report). */
export interface TriageInput {
  text: string;
  indicators: Indicator[];
  amounts: Amount[];
  totalLoss: Array<{ currency: string; value: number }>;
  remoteTools: RemoteTool[];
  brands: string[];
  paymentMethods: string[];
  channel: string | null;
  ageBand?: AgeBand;
}

/**
 * Is this a tech support scam (score in [0, 1], with reasons), and how severe: loss, a vulnerable victim
 * (60 and over) and remote access given each raise the severity.
 */
export function triage(t: TriageInput): Triage {
  const reasons: string[] = [];
  const evidence: number[] = [];
  const add = (weight: number, reason: string) => {
    evidence.push(weight);
    reasons.push(reason);
  };
  if (t.remoteTools.length > 0) add(0.5, `remote-access tool: ${t.remoteTools.join(', ')}`);
  if (TECH_RE.test(t.text)) add(0.5, 'tech-support pretext (virus, hacked, technician…)');
  const techBrands = t.brands.filter((b) => brandSector(b) === 'tech' || brandSector(b) === 'telecom');
  if (techBrands.length > 0) add(0.35, `impersonates ${techBrands.join(', ')}`);
  else if (t.brands.length > 0) add(0.15, `impersonates ${t.brands.join(', ')}`);
  if (t.channel === 'popup') add(0.35, 'browser popup or lock screen');
  if (t.indicators.some((i) => i.kind === 'phone')) add(0.2, 'callback phone number');
  if (t.paymentMethods.includes('gift_card') || t.paymentMethods.includes('crypto'))
    add(0.15, 'untraceable payment (gift cards or crypto)');
  if (REFUND_TRICK_RE.test(t.text) && (t.remoteTools.length > 0 || techBrands.length > 0))
    add(0.15, 'refund pretext');
  let score = 1 - evidence.reduce((acc, w) => acc * (1 - w), 1);
  if (OTHER_SCAM_RE.test(t.text) && t.remoteTools.length === 0) {
    score *= 0.4;
    reasons.push('reads like another kind of scam (romance, lottery, investment, delivery…)');
  }
  score = Math.round(Math.min(1, Math.max(0, score)) * 1000) / 1000;
  return { isTechSupportScam: score >= 0.5, score, reasons, ...severity(t) };
}

function severity(t: TriageInput): { severity: Severity; severityReasons: string[] } {
  const severityReasons: string[] = [];
  const lossUsd = toUsd(t.totalLoss);
  let level = 0;
  if (lossUsd >= 10_000) level = 3;
  else if (lossUsd >= 1_000) level = 2;
  else if (lossUsd > 0) level = 1;
  if (lossUsd > 0) severityReasons.push(`loss of about US$${Math.round(lossUsd).toLocaleString('en-US')}`);
  if (t.ageBand === '60_69' || t.ageBand === '70_79' || t.ageBand === '80_plus') {
    level += 1;
    severityReasons.push(`vulnerable victim (age ${t.ageBand.replace('_plus', '+').replace('_', '–')})`);
  }
  if (t.remoteTools.length > 0) {
    level += 1;
    severityReasons.push('remote access given to the scammer');
  }
  return { severity: SEVERITIES[Math.min(3, level)]!, severityReasons };
}
