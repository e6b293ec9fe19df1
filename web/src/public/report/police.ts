/** An official place to report fraud: its name (in the country's language), site and phone. */
export interface PoliceContact {
  name: string;
  url?: string;
  phone?: string;
}

/**
 * Where victims report fraud, by country (official sites only). Countries not listed get "your local
 * police". Kept as data so a deployment can correct it without touching the pages.
 */
export const POLICE_BY_COUNTRY: Record<string, PoliceContact[]> = {
  US: [
    { name: 'Federal Trade Commission (FTC)', url: 'https://reportfraud.ftc.gov' },
    { name: 'FBI Internet Crime Complaint Center (IC3)', url: 'https://www.ic3.gov' },
  ],
  GB: [
    {
      name: 'Action Fraud (England, Wales, Northern Ireland)',
      url: 'https://www.actionfraud.police.uk',
      phone: '0300 123 2040',
    },
    { name: 'Police Scotland', url: 'https://www.scotland.police.uk', phone: '101' },
  ],
  CA: [
    {
      name: 'Canadian Anti-Fraud Centre / Centre antifraude du Canada',
      url: 'https://antifraudcentre-centreantifraude.ca',
      phone: '1-888-495-8501',
    },
  ],
  AU: [
    { name: 'ReportCyber', url: 'https://www.cyber.gov.au/report' },
    { name: 'Scamwatch', url: 'https://www.scamwatch.gov.au' },
  ],
  IE: [{ name: 'An Garda Síochána (your local Garda station)', url: 'https://www.garda.ie' }],
  FR: [
    { name: 'Info Escroqueries', phone: '0 805 805 817' },
    { name: 'Pharos', url: 'https://www.internet-signalement.gouv.fr' },
    { name: 'Cybermalveillance.gouv.fr', url: 'https://www.cybermalveillance.gouv.fr' },
  ],
  DE: [
    { name: 'Onlinewache der Polizei Ihres Bundeslandes', url: 'https://www.polizei.de' },
    { name: 'Ihre örtliche Polizeidienststelle' },
  ],
  AT: [
    { name: 'Bundeskriminalamt – Meldestelle Internetkriminalität', url: 'https://www.bundeskriminalamt.at' },
    { name: 'Ihre Polizeiinspektion', phone: '133' },
  ],
  CH: [
    {
      name: 'Bundesamt für Cybersicherheit (BACS) / Office fédéral de la cybersécurité (OFCS)',
      url: 'https://www.report.ncsc.admin.ch',
    },
    { name: 'Kantonspolizei / Police cantonale', phone: '117' },
  ],
  ES: [
    { name: 'Policía Nacional', url: 'https://www.policia.es' },
    { name: 'INCIBE – Línea de Ayuda en Ciberseguridad', url: 'https://www.incibe.es', phone: '017' },
  ],
  JP: [
    { name: '警察相談専用電話', phone: '#9110' },
    { name: '消費者ホットライン', phone: '188' },
    { name: '警察庁', url: 'https://www.npa.go.jp' },
  ],
};

/** The official places for a country, or none (then: local police). */
export function policeFor(country: string): PoliceContact[] {
  return POLICE_BY_COUNTRY[country.toUpperCase()] ?? [];
}
