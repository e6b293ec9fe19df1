import type { Rng } from '../../simulate/rng.js';
import type { Language } from './kit.js';

/**
 * Sentences every scam family borrows, several phrasings each, per language. Placeholders: `{brand}`,
 * `{phone}`, `{code}`, `{items}`, `{count}`.
 */
export interface ScamPhrases {
  call: readonly string[];
  blocked: readonly string[];
  doNotRestart: readonly string[];
  atRisk: readonly string[];
  stolenItems: readonly string[];
  technician: readonly string[];
  errorLine: readonly string[];
  callButton: readonly string[];
  backButton: readonly string[];
  alert: readonly string[];
  footer: readonly string[];
}

/** The shared scam sentences, by language. */
export const SCAM_PHRASES: Record<Language, ScamPhrases> = {
  en: {
    call: [
      'Call {brand} Support immediately: {phone} (Toll Free)',
      'Contact Technical Support: {phone}',
      'Please call us immediately at {phone}',
      'Call {brand} Help Desk now: {phone} (toll-free)',
      'Speak to a certified technician: {phone}',
    ],
    blocked: [
      'Your computer has been blocked for security reasons.',
      'Access to this PC has been blocked.',
      'Your system has been locked to prevent further damage.',
      'Windows has blocked this computer due to suspicious activity.',
    ],
    doNotRestart: [
      'Do not restart or shut down your computer.',
      'Please do not ignore this critical alert. Closing this page will disable access to your computer.',
      'Do not try to fix this yourself: you may lose all your data.',
      'Restarting your computer may cause permanent data loss.',
    ],
    atRisk: [
      'The following data has been compromised: {items}.',
      'Hackers may be stealing your {items}.',
      'Your personal information is at risk: {items}.',
      'Spyware is sending your {items} to a remote server.',
    ],
    stolenItems: [
      'email credentials',
      'banking passwords',
      'Facebook login',
      'credit card details',
      'pictures and documents',
      'browser history',
      'saved passwords',
    ],
    technician: [
      'A Microsoft-certified technician will guide you through the removal process over the phone.',
      'Our support engineers are available 24/7 to help you fix this problem remotely.',
      'Call the number below so that a technician can remove the threat before your data is lost.',
      'Our technicians can repair your computer right now. The call is free.',
    ],
    errorLine: ['Error # {code}', 'Error Code: {code}', 'Error code {code}', 'Threat ID: {code}'],
    callButton: ['Call Support', 'Call Now', 'Contact Support', 'Get Help Now', 'Call Technician'],
    backButton: ['Back to Safety', 'Cancel', 'OK', 'Ignore', 'Close'],
    alert: [
      '** {brand} WARNING **\n\nYour computer has been infected. Call {phone} immediately to prevent data loss.',
      'VIRUS ALERT FROM {brand}\n\nThis computer is BLOCKED.\nError # {code}\nPlease call {phone}',
      'Your session has been suspended due to a security breach. Call support now: {phone}',
      'WARNING! {count} viruses detected! Call {phone} (toll free) now.',
    ],
    footer: [
      'Your computer is disabled. Please call us.',
      'Support ID: {code}',
      'Toll-free. Available 24 hours a day, 7 days a week.',
      '© {brand} Corporation. All rights reserved.',
    ],
  },
  fr: {
    call: [
      'Appelez immédiatement le support {brand} : {phone} (appel gratuit)',
      'Contactez l’assistance technique : {phone}',
      'Veuillez nous appeler immédiatement au {phone}',
      'Appelez le service d’assistance {brand} au {phone} (numéro gratuit)',
      'Parlez à un technicien certifié : {phone}',
    ],
    blocked: [
      'Votre ordinateur a été bloqué pour des raisons de sécurité.',
      'L’accès à cet ordinateur a été bloqué.',
      'Votre système a été verrouillé afin d’éviter d’autres dommages.',
      'Windows a bloqué cet ordinateur en raison d’une activité suspecte.',
    ],
    doNotRestart: [
      'Ne redémarrez pas et n’éteignez pas votre ordinateur.',
      'N’ignorez pas cette alerte critique. Si vous fermez cette page, l’accès à votre ordinateur sera désactivé.',
      'N’essayez pas de résoudre le problème vous-même : vous pourriez perdre toutes vos données.',
      'Le redémarrage de votre ordinateur peut entraîner une perte définitive de données.',
    ],
    atRisk: [
      'Les données suivantes ont été compromises : {items}.',
      'Des pirates informatiques pourraient voler vos {items}.',
      'Vos informations personnelles sont en danger : {items}.',
      'Un logiciel espion envoie vos {items} vers un serveur distant.',
    ],
    stolenItems: [
      'identifiants de messagerie',
      'mots de passe bancaires',
      'identifiants Facebook',
      'coordonnées de carte bancaire',
      'photos et documents',
      'historique de navigation',
    ],
    technician: [
      'Un technicien certifié Microsoft vous guidera par téléphone pour supprimer la menace.',
      'Nos techniciens sont disponibles 24h/24 et 7j/7 pour résoudre ce problème à distance.',
      'Appelez le numéro ci-dessous pour qu’un technicien supprime la menace avant la perte de vos données.',
      'Nos techniciens peuvent réparer votre ordinateur dès maintenant. L’appel est gratuit.',
    ],
    errorLine: [
      'Erreur n° {code}',
      'Code d’erreur : {code}',
      'Code erreur {code}',
      'ID de la menace : {code}',
    ],
    callButton: ['Appeler le support', 'Appeler maintenant', 'Contacter l’assistance', 'Obtenir de l’aide'],
    backButton: ['Retour', 'Annuler', 'OK', 'Ignorer', 'Fermer'],
    alert: [
      '** AVERTISSEMENT {brand} **\n\nVotre ordinateur est infecté. Appelez le {phone} immédiatement pour éviter la perte de données.',
      'ALERTE VIRUS DE {brand}\n\nCet ordinateur est BLOQUÉ.\nErreur n° {code}\nVeuillez appeler le {phone}',
      'Votre session a été suspendue suite à une faille de sécurité. Appelez le support : {phone}',
      'ATTENTION ! {count} virus détectés ! Appelez le {phone} (appel gratuit).',
    ],
    footer: [
      'Votre ordinateur est désactivé. Veuillez nous appeler.',
      'ID de support : {code}',
      'Appel gratuit. Disponible 24h/24, 7j/7.',
      '© {brand} Corporation. Tous droits réservés.',
    ],
  },
  de: {
    call: [
      'Rufen Sie sofort den {brand} Support an: {phone} (gebührenfrei)',
      'Technischen Support kontaktieren: {phone}',
      'Bitte rufen Sie uns umgehend unter {phone} an',
      'Rufen Sie jetzt den {brand} Kundendienst an: {phone} (kostenlos)',
      'Sprechen Sie mit einem zertifizierten Techniker: {phone}',
    ],
    blocked: [
      'Ihr Computer wurde aus Sicherheitsgründen gesperrt.',
      'Der Zugriff auf diesen PC wurde gesperrt.',
      'Ihr System wurde gesperrt, um weiteren Schaden zu verhindern.',
      'Windows hat diesen Computer wegen verdächtiger Aktivitäten blockiert.',
    ],
    doNotRestart: [
      'Starten Sie Ihren Computer nicht neu und schalten Sie ihn nicht aus.',
      'Ignorieren Sie diese kritische Warnung nicht. Wenn Sie diese Seite schließen, wird der Zugriff auf Ihren Computer deaktiviert.',
      'Versuchen Sie nicht, das Problem selbst zu beheben: Sie könnten alle Ihre Daten verlieren.',
      'Ein Neustart kann zu dauerhaftem Datenverlust führen.',
    ],
    atRisk: [
      'Folgende Daten wurden kompromittiert: {items}.',
      'Hacker könnten Ihre {items} stehlen.',
      'Ihre persönlichen Daten sind in Gefahr: {items}.',
      'Spyware sendet Ihre {items} an einen fremden Server.',
    ],
    stolenItems: [
      'E-Mail-Zugangsdaten',
      'Bankpasswörter',
      'Facebook-Anmeldedaten',
      'Kreditkartendaten',
      'Fotos und Dokumente',
      'gespeicherten Passwörter',
    ],
    technician: [
      'Ein von Microsoft zertifizierter Techniker führt Sie am Telefon durch die Entfernung.',
      'Unsere Support-Techniker sind rund um die Uhr erreichbar und beheben das Problem per Fernwartung.',
      'Rufen Sie die unten stehende Nummer an, damit ein Techniker die Bedrohung entfernt, bevor Ihre Daten verloren gehen.',
      'Unsere Techniker können Ihren Computer sofort reparieren. Der Anruf ist kostenlos.',
    ],
    errorLine: ['Fehler # {code}', 'Fehlercode: {code}', 'Fehlercode {code}', 'Bedrohungs-ID: {code}'],
    callButton: ['Support anrufen', 'Jetzt anrufen', 'Kundendienst kontaktieren', 'Hilfe anfordern'],
    backButton: ['Zurück', 'Abbrechen', 'OK', 'Ignorieren', 'Schließen'],
    alert: [
      '** {brand} WARNUNG **\n\nIhr Computer ist infiziert. Rufen Sie sofort {phone} an, um Datenverlust zu verhindern.',
      'VIRENWARNUNG VON {brand}\n\nDieser Computer ist GESPERRT.\nFehler # {code}\nBitte rufen Sie {phone} an',
      'Ihre Sitzung wurde wegen einer Sicherheitsverletzung gesperrt. Rufen Sie jetzt den Support an: {phone}',
      'ACHTUNG! {count} Viren gefunden! Rufen Sie jetzt {phone} an (gebührenfrei).',
    ],
    footer: [
      'Ihr Computer ist deaktiviert. Bitte rufen Sie uns an.',
      'Support-ID: {code}',
      'Gebührenfrei. Rund um die Uhr erreichbar.',
      '© {brand} Corporation. Alle Rechte vorbehalten.',
    ],
  },
  es: {
    call: [
      'Llame inmediatamente al soporte de {brand}: {phone} (llamada gratuita)',
      'Contacte con el soporte técnico: {phone}',
      'Por favor, llámenos de inmediato al {phone}',
      'Llame ahora al servicio de asistencia de {brand}: {phone} (gratuito)',
      'Hable con un técnico certificado: {phone}',
    ],
    blocked: [
      'Su ordenador ha sido bloqueado por motivos de seguridad.',
      'Se ha bloqueado el acceso a este equipo.',
      'Su sistema ha sido bloqueado para evitar más daños.',
      'Windows ha bloqueado este equipo debido a una actividad sospechosa.',
    ],
    doNotRestart: [
      'No reinicie ni apague su ordenador.',
      'No ignore esta alerta crítica. Si cierra esta página, se desactivará el acceso a su equipo.',
      'No intente solucionarlo usted mismo: podría perder todos sus datos.',
      'Reiniciar el equipo puede provocar la pérdida permanente de datos.',
    ],
    atRisk: [
      'Los siguientes datos han sido comprometidos: {items}.',
      'Unos piratas informáticos podrían estar robando sus {items}.',
      'Su información personal está en peligro: {items}.',
      'Un programa espía está enviando sus {items} a un servidor remoto.',
    ],
    stolenItems: [
      'credenciales de correo electrónico',
      'contraseñas bancarias',
      'datos de acceso a Facebook',
      'datos de su tarjeta de crédito',
      'fotos y documentos',
      'historial de navegación',
    ],
    technician: [
      'Un técnico certificado por Microsoft le guiará por teléfono durante el proceso de eliminación.',
      'Nuestros técnicos están disponibles las 24 horas para solucionar el problema de forma remota.',
      'Llame al número que aparece abajo para que un técnico elimine la amenaza antes de que pierda sus datos.',
      'Nuestros técnicos pueden reparar su equipo ahora mismo. La llamada es gratuita.',
    ],
    errorLine: [
      'Error n.º {code}',
      'Código de error: {code}',
      'Código de error {code}',
      'ID de amenaza: {code}',
    ],
    callButton: ['Llamar al soporte', 'Llamar ahora', 'Contactar con soporte', 'Obtener ayuda'],
    backButton: ['Volver', 'Cancelar', 'Aceptar', 'Ignorar', 'Cerrar'],
    alert: [
      '** ADVERTENCIA DE {brand} **\n\nSu ordenador está infectado. Llame al {phone} inmediatamente para evitar la pérdida de datos.',
      'ALERTA DE VIRUS DE {brand}\n\nEste ordenador está BLOQUEADO.\nError n.º {code}\nLlame al {phone}',
      'Su sesión ha sido suspendida por una brecha de seguridad. Llame al soporte ahora: {phone}',
      '¡ATENCIÓN! ¡Se han detectado {count} virus! Llame ahora al {phone} (gratuito).',
    ],
    footer: [
      'Su ordenador está desactivado. Llámenos.',
      'ID de soporte: {code}',
      'Llamada gratuita. Disponible las 24 horas, los 7 días de la semana.',
      '© {brand} Corporation. Todos los derechos reservados.',
    ],
  },
  ja: {
    call: [
      '今すぐ{brand}サポートにお電話ください：{phone}（通話無料）',
      'テクニカルサポートに連絡：{phone}',
      '至急、{phone} までお電話ください',
      '{brand}ヘルプデスクに今すぐ電話：{phone}（フリーダイヤル）',
      '認定技術者にご相談ください：{phone}',
    ],
    blocked: [
      'セキュリティ上の理由により、お使いのコンピューターはブロックされました。',
      'このPCへのアクセスはブロックされています。',
      'これ以上の被害を防ぐため、システムはロックされました。',
      '不審なアクティビティが検出されたため、Windowsはこのコンピューターをブロックしました。',
    ],
    doNotRestart: [
      'コンピューターを再起動したり、電源を切ったりしないでください。',
      'この重大な警告を無視しないでください。このページを閉じると、コンピューターへのアクセスが無効になります。',
      'ご自身で修復しようとしないでください。すべてのデータが失われる可能性があります。',
      '再起動するとデータが完全に失われる恐れがあります。',
    ],
    atRisk: [
      '次のデータが漏洩しました：{items}。',
      'ハッカーがあなたの{items}を盗んでいる可能性があります。',
      'あなたの個人情報が危険にさらされています：{items}。',
      'スパイウェアがあなたの{items}を外部サーバーに送信しています。',
    ],
    stolenItems: [
      'メールのログイン情報',
      'ネットバンキングのパスワード',
      'Facebookのログイン情報',
      'クレジットカード情報',
      '写真や文書',
      '閲覧履歴',
    ],
    technician: [
      'Microsoft認定技術者がお電話で削除手順をご案内します。',
      'サポートエンジニアが24時間365日、遠隔操作で問題を解決いたします。',
      'データが失われる前に、下記の番号にお電話いただき、技術者に脅威を削除させてください。',
      '技術者がすぐにコンピューターを修復します。通話は無料です。',
    ],
    errorLine: ['エラー番号：{code}', 'エラーコード：{code}', 'エラー # {code}', '脅威ID：{code}'],
    callButton: ['サポートに電話', '今すぐ電話', 'サポートに連絡', 'ヘルプを受ける'],
    backButton: ['戻る', 'キャンセル', 'OK', '無視', '閉じる'],
    alert: [
      '** {brand} 警告 **\n\nお使いのコンピューターはウイルスに感染しています。データの損失を防ぐため、今すぐ {phone} にお電話ください。',
      '{brand} ウイルス警告\n\nこのコンピューターはブロックされています。\nエラー番号：{code}\n{phone} までお電話ください',
      'セキュリティ侵害のため、セッションが停止されました。今すぐサポートにお電話ください：{phone}',
      '警告！{count}件のウイルスが検出されました！今すぐ {phone}（無料）にお電話ください。',
    ],
    footer: [
      'お使いのコンピューターは無効化されています。お電話ください。',
      'サポートID：{code}',
      '通話無料。24時間365日受付。',
      '© {brand} Corporation. All rights reserved.',
    ],
  },
};

/** `k` distinct picks from a phrase list, in random order. */
export function somePhrases(rng: Rng, phrases: readonly string[], k: number): string[] {
  return rng.sample(phrases, k);
}
