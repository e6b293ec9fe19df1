import type { Rng } from '../../simulate/rng.js';
import { escapeHtml, type FamilyTemplate, hsl, type Language } from './kit.js';
import { chromeLogo, edgeLogo, shieldLogo, stopLogo, warningLogo, windowsLogo } from './logos.js';
import { composeScam } from './scam-compose.js';

type Texts = { titles: string[]; headlines: string[]; sentences: string[]; alerts?: string[] };

const DEFENDER: Record<Language, Texts> = {
  en: {
    titles: [
      'Windows Defender Security Center',
      'Windows Security Alert',
      'Microsoft Defender - Threat Detected',
    ],
    headlines: [
      'Windows Defender - Security Warning',
      'Access to this PC has been blocked for security reasons',
      '** Trojan Spyware Alert **',
      'Windows Security detected a threat on this PC',
    ],
    sentences: [
      'Windows Defender has detected a Trojan spyware infection (Trojan:Win32/Emotet) on this computer.',
      'App: Ads.fiancetrack(2).dll. Threat detected: Trojan Spyware.',
      'Your computer has alerted us that it has been infected with a Trojan Spyware.',
      'Windows Defender scan found suspicious connections. Your IP address may be used by hackers.',
    ],
  },
  fr: {
    titles: [
      'Centre de sécurité Windows Defender',
      'Alerte de sécurité Windows',
      'Microsoft Defender - Menace détectée',
    ],
    headlines: [
      'Windows Defender - Avertissement de sécurité',
      'L’accès à ce PC a été bloqué pour des raisons de sécurité',
      '** Alerte : logiciel espion Cheval de Troie **',
    ],
    sentences: [
      'Windows Defender a détecté une infection par un logiciel espion de type cheval de Troie sur cet ordinateur.',
      'Votre ordinateur nous a signalé qu’il a été infecté par un cheval de Troie.',
      'L’analyse Windows Defender a trouvé des connexions suspectes. Votre adresse IP pourrait être utilisée par des pirates.',
    ],
  },
  de: {
    titles: [
      'Windows Defender Sicherheitscenter',
      'Windows-Sicherheitswarnung',
      'Microsoft Defender – Bedrohung erkannt',
    ],
    headlines: [
      'Windows Defender – Sicherheitswarnung',
      'Der Zugriff auf diesen PC wurde aus Sicherheitsgründen gesperrt',
      '** Trojaner-Spyware-Warnung **',
    ],
    sentences: [
      'Windows Defender hat auf diesem Computer eine Infektion mit Trojaner-Spyware festgestellt.',
      'Ihr Computer hat uns gemeldet, dass er mit einem Trojaner infiziert wurde.',
      'Der Windows Defender-Scan hat verdächtige Verbindungen gefunden. Ihre IP-Adresse könnte von Hackern missbraucht werden.',
    ],
  },
  es: {
    titles: [
      'Centro de seguridad de Windows Defender',
      'Alerta de seguridad de Windows',
      'Microsoft Defender - Amenaza detectada',
    ],
    headlines: [
      'Windows Defender - Advertencia de seguridad',
      'El acceso a este equipo ha sido bloqueado por motivos de seguridad',
      '** Alerta de spyware troyano **',
    ],
    sentences: [
      'Windows Defender ha detectado una infección de spyware troyano en este ordenador.',
      'Su ordenador nos ha avisado de que ha sido infectado por un troyano.',
      'El análisis de Windows Defender encontró conexiones sospechosas. Su dirección IP podría estar siendo utilizada por piratas informáticos.',
    ],
  },
  ja: {
    titles: [
      'Windows Defender セキュリティ センター',
      'Windows セキュリティ警告',
      'Microsoft Defender - 脅威が見つかりました',
    ],
    headlines: [
      'Windows Defender - セキュリティ警告',
      'セキュリティ上の理由により、このPCへのアクセスはブロックされました',
      '** トロイの木馬スパイウェアの警告 **',
    ],
    sentences: [
      'Windows Defender がこのコンピューターでトロイの木馬型スパイウェアの感染を検出しました。',
      'お使いのコンピューターがトロイの木馬に感染したことが報告されました。',
      'Windows Defender のスキャンで不審な接続が見つかりました。あなたのIPアドレスがハッカーに悪用されている可能性があります。',
    ],
  },
};

/** Fake Windows Defender / Security Center pages. */
export const defenderFamily: FamilyTemplate = {
  family: 'scam/defender',
  label: 'scam',
  languages: ['en', 'fr', 'de', 'es', 'ja'],
  make(rng, language) {
    const texts = DEFENDER[language];
    const accent = hsl(rng, 206, 100, 40, 6);
    return composeScam(rng, language, {
      brand: rng.pick(['Microsoft', 'Windows']),
      brandLabel: rng.pick([
        'Windows Defender',
        'Windows Security',
        'Microsoft Defender',
        'Windows Defender Security Center',
      ]),
      logo: rng.chance(0.5) ? windowsLogo(rng.range(24, 36)) : shieldLogo(rng.range(24, 36), '#fff', accent),
      ...texts,
      theme: { accent, accentText: '#fff', background: '#f3f3f3', text: '#1b1b1b' },
    });
  },
};

const THREATS = [
  'Trojan:Win32/Emotet.AB',
  'Trojan.GenericKD.46754',
  'Adware.Tracker.Generic',
  'Spyware.PasswordStealer',
  'Ransom:Win32/Locky.A',
  'Backdoor.Win32.Agent.dh',
  'PUP.Optional.BrowserAssist',
  'Worm.Win32.Conficker',
  'Rootkit.Boot.Pihar',
  'Exploit.CVE-2017-0199',
  'Trojan-Banker.Win32.Zbot',
  'Keylogger.Win32.Ardamax',
];

const PATHS = [
  'C:\\Windows\\System32\\drivers\\',
  'C:\\Users\\Public\\AppData\\',
  'C:\\Program Files\\Common Files\\',
  'C:\\Windows\\Temp\\',
  'C:\\ProgramData\\Microsoft\\',
];

const SCAN_LABELS: Record<
  Language,
  { progress: string; threat: string; path: string; status: string; danger: string }
> = {
  en: {
    progress: 'Scanning… {p}% complete',
    threat: 'Threat',
    path: 'Location',
    status: 'Status',
    danger: 'Unsafe',
  },
  fr: {
    progress: 'Analyse en cours… {p} %',
    threat: 'Menace',
    path: 'Emplacement',
    status: 'État',
    danger: 'Dangereux',
  },
  de: {
    progress: 'Scan läuft … {p} % abgeschlossen',
    threat: 'Bedrohung',
    path: 'Speicherort',
    status: 'Status',
    danger: 'Gefährlich',
  },
  es: {
    progress: 'Analizando… {p} % completado',
    threat: 'Amenaza',
    path: 'Ubicación',
    status: 'Estado',
    danger: 'Peligroso',
  },
  ja: { progress: 'スキャン中… {p}% 完了', threat: '脅威', path: '場所', status: '状態', danger: '危険' },
};

function scanBlock(rng: Rng, language: Language, accent: string): string {
  const labels = SCAN_LABELS[language];
  const percent = rng.range(34, 100);
  const rows = rng
    .sample(THREATS, rng.range(3, 7))
    .map(
      (threat) =>
        `<tr><td>${escapeHtml(threat)}</td><td>${escapeHtml(rng.pick(PATHS))}${rng.chars('abcdefghijklmnopqrstuvwxyz', rng.range(5, 9))}.${rng.pick(['dll', 'exe', 'sys', 'tmp'])}</td><td style="color:#c00">${labels.danger}</td></tr>`,
    )
    .join('');
  return `<div style="margin:8px 0 14px">${escapeHtml(labels.progress.replace('{p}', String(percent)))}
<div style="height:14px;background:#ddd;border-radius:7px;overflow:hidden;margin-top:6px"><div style="width:${percent}%;height:100%;background:${accent}"></div></div></div>
<table style="width:100%;border-collapse:collapse;font-size:13px;margin-bottom:10px"><thead><tr style="text-align:left;border-bottom:1px solid #999"><th>${labels.threat}</th><th>${labels.path}</th><th>${labels.status}</th></tr></thead><tbody>${rows}</tbody></table>`;
}

const VIRUS_SCAN: Partial<Record<Language, Texts>> = {
  en: {
    titles: ['System Scan - {count} threats found', 'Quick Scan Results', 'Windows Security Scan'],
    headlines: [
      'Quick Scan found {count} threats',
      'Your PC is infected with {count} viruses!',
      'Scan complete: critical threats detected',
    ],
    sentences: [
      'The scan detected {count} infected files that are damaging your system.',
      'These threats can steal your passwords and banking information. Remove them immediately.',
      'Your antivirus could not remove the threats automatically.',
    ],
  },
  fr: {
    titles: ['Analyse du système - {count} menaces trouvées', 'Résultats de l’analyse rapide'],
    headlines: ['L’analyse rapide a trouvé {count} menaces', 'Votre PC est infecté par {count} virus !'],
    sentences: [
      'L’analyse a détecté {count} fichiers infectés qui endommagent votre système.',
      'Ces menaces peuvent voler vos mots de passe et vos données bancaires. Supprimez-les immédiatement.',
      'Votre antivirus n’a pas pu supprimer les menaces automatiquement.',
    ],
  },
  de: {
    titles: ['Systemscan – {count} Bedrohungen gefunden', 'Ergebnisse der Schnellprüfung'],
    headlines: [
      'Die Schnellprüfung hat {count} Bedrohungen gefunden',
      'Ihr PC ist mit {count} Viren infiziert!',
    ],
    sentences: [
      'Der Scan hat {count} infizierte Dateien gefunden, die Ihr System beschädigen.',
      'Diese Bedrohungen können Ihre Passwörter und Bankdaten stehlen. Entfernen Sie sie sofort.',
      'Ihr Virenschutz konnte die Bedrohungen nicht automatisch entfernen.',
    ],
  },
  es: {
    titles: ['Análisis del sistema - {count} amenazas encontradas', 'Resultados del análisis rápido'],
    headlines: ['El análisis rápido encontró {count} amenazas', '¡Su PC está infectado con {count} virus!'],
    sentences: [
      'El análisis detectó {count} archivos infectados que están dañando su sistema.',
      'Estas amenazas pueden robar sus contraseñas y datos bancarios. Elimínelas de inmediato.',
      'Su antivirus no pudo eliminar las amenazas automáticamente.',
    ],
  },
};

/** Fake virus scans: a progress bar, a table of made-up threats and a number to call. */
export const virusScanFamily: FamilyTemplate = {
  family: 'scam/virus-scan',
  label: 'scam',
  languages: ['en', 'fr', 'de', 'es'],
  make(rng, language) {
    const texts = VIRUS_SCAN[language]!;
    const accent = rng.pick([hsl(rng, 206, 90, 45), hsl(rng, 120, 60, 38), hsl(rng, 0, 75, 45)]);
    return composeScam(rng, language, {
      brand: rng.pick(['Windows', 'Microsoft', 'Security Scanner']),
      brandLabel: rng.pick(['Windows Security', 'System Scanner', 'PC Security Check', 'Windows Defender']),
      logo: shieldLogo(rng.range(24, 34), '#fff', accent),
      ...texts,
      theme: { accent, accentText: '#fff', background: '#eef1f5', text: '#1b1b1b' },
      extra: () => scanBlock(rng, language, accent),
    });
  },
};

const FIREWALL: Partial<Record<Language, Texts>> = {
  en: {
    titles: [
      'Firewall Breach Detected',
      'CRITICAL ALERT - Pornographic Spyware Detected',
      'Security Warning: Hacking Attempt',
    ],
    headlines: [
      'Firewall breach detected!',
      'Pornographic spyware detected!',
      'Hacking attempt detected on your network',
      'Your firewall has been compromised',
    ],
    sentences: [
      'Your computer has been infected with pornographic spyware and riskware after visiting an unsafe website.',
      'A suspicious connection tried to access your computer from an unknown IP address.',
      'Your firewall is disabled. Hackers can see your files, webcam and personal data.',
    ],
    alerts: ['Firewall breach detected! Pornographic spyware and riskware found. Call {phone} now.'],
  },
  fr: {
    titles: ['Violation du pare-feu détectée', 'ALERTE CRITIQUE - Logiciel espion pornographique détecté'],
    headlines: [
      'Violation du pare-feu détectée !',
      'Logiciel espion pornographique détecté !',
      'Tentative de piratage détectée sur votre réseau',
    ],
    sentences: [
      'Votre ordinateur a été infecté par un logiciel espion pornographique après la visite d’un site dangereux.',
      'Une connexion suspecte a tenté d’accéder à votre ordinateur depuis une adresse IP inconnue.',
      'Votre pare-feu est désactivé. Des pirates peuvent voir vos fichiers, votre webcam et vos données personnelles.',
    ],
  },
  de: {
    titles: ['Firewall-Verletzung erkannt', 'KRITISCHE WARNUNG – Pornografische Spyware erkannt'],
    headlines: [
      'Firewall-Verletzung erkannt!',
      'Pornografische Spyware erkannt!',
      'Hackerangriff auf Ihr Netzwerk erkannt',
    ],
    sentences: [
      'Ihr Computer wurde nach dem Besuch einer unsicheren Website mit pornografischer Spyware infiziert.',
      'Eine verdächtige Verbindung hat versucht, von einer unbekannten IP-Adresse auf Ihren Computer zuzugreifen.',
      'Ihre Firewall ist deaktiviert. Hacker können Ihre Dateien, Ihre Webcam und Ihre persönlichen Daten sehen.',
    ],
  },
  es: {
    titles: ['Se ha detectado una brecha en el firewall', 'ALERTA CRÍTICA - Spyware pornográfico detectado'],
    headlines: [
      '¡Brecha en el firewall detectada!',
      '¡Spyware pornográfico detectado!',
      'Intento de hackeo detectado en su red',
    ],
    sentences: [
      'Su ordenador ha sido infectado con spyware pornográfico tras visitar un sitio web no seguro.',
      'Una conexión sospechosa intentó acceder a su equipo desde una dirección IP desconocida.',
      'Su firewall está desactivado. Los piratas pueden ver sus archivos, su cámara web y sus datos personales.',
    ],
  },
};

/** Generic "firewall breach" / "pornographic spyware detected" alarms in red. */
export const firewallWarningFamily: FamilyTemplate = {
  family: 'scam/firewall-warning',
  label: 'scam',
  languages: ['en', 'fr', 'de', 'es'],
  make(rng, language) {
    const texts = FIREWALL[language]!;
    const accent = hsl(rng, 0, 80, 42);
    return composeScam(rng, language, {
      brand: rng.pick(['Windows', 'Microsoft', 'Network Security']),
      brandLabel: rng.pick([
        'Windows Firewall',
        'Security Alert',
        'Network Protection',
        'Microsoft Firewall',
      ]),
      logo: rng.chance(0.5) ? warningLogo(rng.range(26, 40)) : stopLogo(rng.range(26, 40)),
      ...texts,
      theme: { accent, accentText: '#fff', background: '#fff4f4', text: '#1b1b1b' },
    });
  },
};

const LICENCE: Partial<Record<Language, Texts>> = {
  en: {
    titles: [
      'Windows License Expired',
      'Your Windows product key is blocked',
      'Microsoft Office Activation Failed',
    ],
    headlines: [
      'Your Windows license has expired',
      'Your product key has been blocked',
      'Microsoft Office: your subscription could not be renewed',
      'Windows activation error {code}',
    ],
    sentences: [
      'Your copy of Windows is not genuine. Your product key has been used on too many devices.',
      'Your Windows license will expire today. Your files will be locked until you renew it.',
      'Microsoft has blocked your license key because of illegal use.',
      'To reactivate Windows and Office, call a licensing agent now.',
    ],
    alerts: ['Your Windows license key is BLOCKED. Call {phone} to reactivate.'],
  },
  fr: {
    titles: ['Licence Windows expirée', 'Votre clé de produit Windows est bloquée'],
    headlines: [
      'Votre licence Windows a expiré',
      'Votre clé de produit a été bloquée',
      'Erreur d’activation Windows {code}',
    ],
    sentences: [
      'Votre copie de Windows n’est pas authentique. Votre clé de produit a été utilisée sur trop d’appareils.',
      'Votre licence Windows expire aujourd’hui. Vos fichiers seront verrouillés jusqu’à son renouvellement.',
      'Microsoft a bloqué votre clé de licence pour utilisation illégale.',
      'Pour réactiver Windows et Office, appelez dès maintenant un conseiller licences.',
    ],
  },
  de: {
    titles: ['Windows-Lizenz abgelaufen', 'Ihr Windows-Produktschlüssel ist gesperrt'],
    headlines: [
      'Ihre Windows-Lizenz ist abgelaufen',
      'Ihr Produktschlüssel wurde gesperrt',
      'Windows-Aktivierungsfehler {code}',
    ],
    sentences: [
      'Ihre Windows-Kopie ist nicht echt. Ihr Produktschlüssel wurde auf zu vielen Geräten verwendet.',
      'Ihre Windows-Lizenz läuft heute ab. Ihre Dateien werden bis zur Verlängerung gesperrt.',
      'Microsoft hat Ihren Lizenzschlüssel wegen illegaler Nutzung gesperrt.',
      'Um Windows und Office wieder zu aktivieren, rufen Sie jetzt einen Lizenzberater an.',
    ],
  },
  ja: {
    titles: ['Windows ライセンスの有効期限切れ', 'Windows プロダクト キーがブロックされました'],
    headlines: [
      'Windows ライセンスの有効期限が切れています',
      'プロダクト キーがブロックされました',
      'Windows ライセンス認証エラー {code}',
    ],
    sentences: [
      'お使いの Windows は正規品ではありません。プロダクト キーが多数のデバイスで使用されています。',
      'Windows ライセンスは本日で期限切れになります。更新するまでファイルはロックされます。',
      '不正使用のため、Microsoft はお使いのライセンス キーをブロックしました。',
      'Windows と Office を再度ライセンス認証するには、今すぐ担当者にお電話ください。',
    ],
  },
};

/** "Your Windows / Office licence has expired, your key is blocked" pages. */
export const licenceExpiredFamily: FamilyTemplate = {
  family: 'scam/licence-expired',
  label: 'scam',
  languages: ['en', 'fr', 'de', 'ja'],
  make(rng, language) {
    const texts = LICENCE[language]!;
    const accent = rng.pick([hsl(rng, 206, 90, 40), hsl(rng, 15, 85, 45), hsl(rng, 0, 0, 20, 4)]);
    return composeScam(rng, language, {
      brand: 'Microsoft',
      brandLabel: rng.pick(['Windows Activation', 'Microsoft Licensing', 'Microsoft Office', 'Windows']),
      logo: windowsLogo(rng.range(24, 34)),
      ...texts,
      infection: false,
      theme: { accent, accentText: '#fff', background: '#f5f5f5', text: '#222' },
    });
  },
};

const BROWSER_LOCKED: Partial<Record<Language, Texts>> = {
  en: {
    titles: ['This browser is locked', 'Chrome has been blocked', 'Microsoft Edge - Security Warning'],
    headlines: [
      'This browser is locked for security reasons',
      'Your browser has been locked',
      '{brand} has blocked this page to protect your computer',
    ],
    sentences: [
      'Your browser was locked because it was used to access illegal content.',
      'Suspicious activity was detected in your browser. All tabs are locked until your identity is verified.',
      'Closing this window will delete your browser data and saved passwords.',
    ],
    alerts: ['This browser is locked. Do not close this window. Call {phone}.'],
  },
  fr: {
    titles: ['Ce navigateur est verrouillé', 'Chrome a été bloqué'],
    headlines: ['Ce navigateur est verrouillé pour des raisons de sécurité', 'Votre navigateur a été bloqué'],
    sentences: [
      'Votre navigateur a été verrouillé car il a servi à consulter des contenus illégaux.',
      'Une activité suspecte a été détectée. Tous les onglets restent bloqués jusqu’à la vérification de votre identité.',
      'Fermer cette fenêtre supprimera les données de votre navigateur et vos mots de passe enregistrés.',
    ],
  },
  es: {
    titles: ['Este navegador está bloqueado', 'Chrome ha sido bloqueado'],
    headlines: ['Este navegador está bloqueado por motivos de seguridad', 'Su navegador ha sido bloqueado'],
    sentences: [
      'Su navegador fue bloqueado porque se utilizó para acceder a contenido ilegal.',
      'Se detectó actividad sospechosa. Todas las pestañas permanecerán bloqueadas hasta verificar su identidad.',
      'Si cierra esta ventana se borrarán los datos del navegador y las contraseñas guardadas.',
    ],
  },
  ja: {
    titles: ['このブラウザはロックされています', 'Chrome はブロックされました'],
    headlines: ['セキュリティ上の理由により、このブラウザはロックされています', 'ブラウザがロックされました'],
    sentences: [
      '違法なコンテンツへのアクセスに使用されたため、ブラウザはロックされました。',
      '不審なアクティビティが検出されました。本人確認が完了するまで、すべてのタブはロックされます。',
      'このウィンドウを閉じると、ブラウザのデータと保存されたパスワードが削除されます。',
    ],
  },
};

/** Fake Chrome / Edge "this browser is locked" pages. */
export const browserLockedFamily: FamilyTemplate = {
  family: 'scam/browser-locked',
  label: 'scam',
  languages: ['en', 'fr', 'es', 'ja'],
  make(rng, language) {
    const texts = BROWSER_LOCKED[language]!;
    const chrome = rng.chance(0.5);
    const accent = chrome ? hsl(rng, 4, 70, 50) : hsl(rng, 210, 85, 38);
    return composeScam(rng, language, {
      brand: chrome ? 'Google Chrome' : 'Microsoft Edge',
      brandLabel: chrome
        ? rng.pick(['Google Chrome', 'Chrome Security'])
        : rng.pick(['Microsoft Edge', 'Edge Security']),
      logo: chrome ? chromeLogo(rng.range(26, 36)) : edgeLogo(rng.range(26, 36)),
      ...texts,
      theme: { accent, accentText: '#fff', background: '#fafafa', text: '#202124' },
    });
  },
};
