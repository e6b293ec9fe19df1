import { domainToASCII } from 'node:url';
import { fullFormats } from 'ajv-formats/dist/formats.js';

// The three formats the STIX schemas use, shared by the validator and the exporter: a value the validator
// would refuse is exported as an indicator pattern only, never as an invalid observable. Lengths are bounded
// before any regular expression runs: the values come from attackers.

const EMAIL_RE = fullFormats.email as RegExp;
const uriFormat = fullFormats.uri as (value: string) => boolean;

/** RFC 5321 address (ASCII local part), as the `email` format of email-addr:value. */
export function isEmailFormat(value: string): boolean {
  return value.length <= 320 && EMAIL_RE.test(value);
}

/** RFC 3986 absolute URI, as the `uri` format of url:value. */
export function isUriFormat(value: string): boolean {
  return value.length <= 65_536 && uriFormat(value);
}

/** Internationalised hostname, as the `idn-hostname` format of domain-name:value (ajv-formats has none). */
export function isIdnHostnameFormat(value: string): boolean {
  if (value.length === 0 || value.length > 253) return false;
  const ascii = domainToASCII(value.replace(/\.$/, ''));
  return (
    ascii.length > 0 &&
    ascii.length <= 253 &&
    ascii.split('.').every((label) => label.length > 0 && label.length <= 63 && !/[^a-z0-9_-]/i.test(label))
  );
}

/** Dotted-quad IPv4 address (a "domain" that is an IP is exported as ipv4-addr). */
export function isIpv4(value: string): boolean {
  return /^(?:(?:25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)\.){3}(?:25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)$/.test(value);
}
