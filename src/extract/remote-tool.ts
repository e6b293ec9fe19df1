import { indicatorAt, type Source } from './found.js';
import { overlaps } from './text.js';
import type { Indicator, RemoteTool, Span } from './types.js';

// How victims write the tools, misspellings included ("Team View", "any desk", "Ultra Viewer").
const TOOL_PATTERNS: Array<[RemoteTool, RegExp]> = [
  ['anydesk', /any\s?-?d[ea]sk|エニーデスク/gi],
  ['teamviewer', /team\s?-?v(?:iew|eiw)(?:er|re|r)?s?(?![a-z])|チームビューア/gi],
  ['connectwise', /connect\s?-?wise|screen\s?-?connect/gi],
  ['quickassist', /quick\s?-?assist|assistance rapide|schnellhilfe|asistencia rápida|クイック\s?アシスト/gi],
  ['ultraviewer', /ultra\s?-?view(?:er)?(?![a-z])/gi],
  [
    'logmein',
    /(?<![a-z])logmein|Log Me In|LOG ME IN|(?<![a-z])support\.me(?![a-z])|GoTo ?(?:Assist|Resolve)|123rescue/gi,
  ],
  ['splashtop', /splash\s?top/gi],
  ['rustdesk', /rust\s?desk/gi],
  ['supremo', /(?<!Tribunal )\bSupremo\b|supremocontrol/g],
  [
    'other',
    /ammyy|aero\s?admin|zoho assist|remotepc|chrome remote desktop|hoptodesk|iperius|getscreen|remote utilities|bomgar|fastsupport|aweray|awesun|airdroid|tightvnc|ultravnc|realvnc|\bVNC\b/gi,
  ],
];
const ID_AFTER_TOOL_RE = /^[^.\n。!?]{0,40}?(?<![\p{N}])(\d{1,3}(?:[ -]\d{3}){2,3}|\d{6,12})(?![\p{N}])/u;
const LABELLED_ID_RE =
  /(?:remote|session|support|connection|access|desk|anydesk|teamviewer)\s*(?:id|code|key|pin|address|number|no\.?)\s*(?:was|is|:|#|=)?\s*(\d{1,3}(?:[ -]\d{3}){2,3}|\d{6,12})(?![\p{N}]|[ .-]\d)/giu;

/** A remote-access tool mention. */
export interface ToolMention extends Span {
  tool: RemoteTool;
}

/** Finds remote-access tool mentions (misspellings included). */
export function findToolMentions(text: string): ToolMention[] {
  const out: ToolMention[] = [];
  for (const [tool, re] of TOOL_PATTERNS) {
    for (const m of text.matchAll(re)) {
      // "Team View" is TeamViewer, but "team viewed" or a support.me that is a hostname's tail are not.
      out.push({ tool, start: m.index, end: m.index + m[0].length });
    }
  }
  return out.sort((a, b) => a.start - b.start);
}

/** Finds remote-access session IDs written after a tool name or a label ("AnyDesk ID 123 456 789"). */
export function findRemoteIds(
  src: Source,
  mentions: ToolMention[],
  claimed: Span[],
): { indicators: Indicator[]; spans: Span[] } {
  const text = src.view.text;
  const indicators: Indicator[] = [];
  const spans: Span[] = [];
  const push = (digits: string, start: number, tool: RemoteTool | null) => {
    const end = start + digits.length;
    if (overlaps(claimed, start, end) || overlaps(spans, start, end)) return;
    const value = digits.replace(/\D/g, '');
    spans.push({ start, end });
    indicators.push(indicatorAt(src, 'remote_access_id', value, start, end, tool ? { tool } : undefined));
  };
  for (const t of mentions) {
    const after = text.slice(t.end, t.end + 60);
    const m = ID_AFTER_TOOL_RE.exec(after);
    if (!m) continue;
    // Between the tool and the digits, only a label may stand, not money or a phone cue.
    const between = after.slice(0, m.index + m[0].length - m[1]!.length);
    if (/[$€£¥₹]|call|phone|tel|appel|anruf|llam|電話|\+/iu.test(between)) continue;
    push(m[1]!, t.end + m.index + m[0].length - m[1]!.length, t.tool);
  }
  for (const m of text.matchAll(LABELLED_ID_RE)) {
    const digits = m[1]!;
    const start = m.index + m[0].length - digits.length;
    const near = mentions.filter((t) => Math.abs(t.start - start) < 120).at(-1);
    push(digits, start, near?.tool ?? null);
  }
  return { indicators, spans };
}
