/**
 * Taxonomy v1: the codes a visit is described with (design/taxonomy.md).
 * Codes are wire values and never change; labels are translated, Dutch first.
 * This is the ONE list the app, the server and the tests import.
 */

export const TAXONOMY_VERSION = 1;

export type Lang = 'nl' | 'en' | 'fr';
export const LANGS: readonly Lang[] = ['nl', 'en', 'fr'];

/** A code with its label in each interface language. */
export interface Term<C extends string = string> {
  code: C;
  nl: string;
  en: string;
  fr: string;
}

const t = <const C extends string>(code: C, nl: string, en: string, fr: string): Term<C> => ({ code, nl, en, fr });

export const KINDS = [t('question', 'Vraag', 'Question', 'Question'), t('device', 'Toestel', 'Device help', 'Appareil')] as const;

export const TOPICS = [
  t('itsme', 'itsme', 'itsme', 'itsme'),
  t('eid', 'eID en kaartlezer', 'eID and card reader', 'eID et lecteur de carte'),
  t('government', 'Overheid online', 'Government services', 'Services publics en ligne'),
  t('city-app', 'Mijn Mechelen en stadsloket', 'City app and services', 'App et guichet de la ville'),
  t('health', 'Gezondheid en dokter', 'Health and appointments', 'Santé et rendez-vous'),
  t('transport', 'Trein- of busticket', 'Train or bus tickets', 'Billets de train ou de bus'),
  t('banking', 'Bankieren en betalen', 'Banking and payments', 'Banque et paiements'),
  t('email', 'E-mail', 'E-mail', 'E-mail'),
  t('messaging', 'WhatsApp en videobellen', 'Messaging and video calls', 'Messagerie et appels vidéo'),
  t('smartphone-basics', 'Smartphone of tablet leren', 'Smartphone/tablet basics', 'Bases du smartphone/tablette'),
  t('computer-basics', 'Computer leren', 'Computer basics', "Bases de l'ordinateur"),
  t('forms-search', 'Zoeken en formulieren', 'Searching, forms, documents', 'Recherche et formulaires'),
  t('work', 'Werk zoeken, VDAB, cv', 'Job search', "Recherche d'emploi"),
  t('school', 'School en Smartschool', 'School apps', "Apps de l'école"),
  t('photos-files', "Foto's en bestanden", 'Photos and files', 'Photos et fichiers'),
  t('safety-privacy', 'Veiligheid en wachtwoorden', 'Safety and privacy', 'Sécurité et vie privée'),
  t('social-tariff', 'Sociaal tarief', 'Social tariff', 'Tarif social'),
  t('device-loan', 'Toestel lenen', 'Borrowing a device', 'Emprunter un appareil'),
  t('training-info', 'Info over opleidingen', 'Courses', 'Formations'),
  t('internet-access', 'Wifi en internet', 'Internet access', 'Accès à internet'),
  t('other', 'Iets anders', 'Other', 'Autre'),
] as const;

export const DEVICE_TYPES = [
  t('smartphone', 'Smartphone', 'Smartphone', 'Smartphone'),
  t('tablet', 'Tablet', 'Tablet', 'Tablette'),
  t('laptop', 'Laptop', 'Laptop', 'Ordinateur portable'),
  t('desktop', 'Computer', 'Desktop', 'Ordinateur fixe'),
  t('other', 'Iets anders', 'Other', 'Autre'),
] as const;

export const DEVICE_OS = [
  t('android', 'Android', 'Android', 'Android'),
  t('ios', 'iPhone / iPad (iOS)', 'iPhone / iPad (iOS)', 'iPhone / iPad (iOS)'),
  t('windows', 'Windows', 'Windows', 'Windows'),
  t('macos', 'Mac (macOS)', 'Mac (macOS)', 'Mac (macOS)'),
  t('chromeos', 'Chromebook', 'Chromebook', 'Chromebook'),
  t('linux', 'Linux', 'Linux', 'Linux'),
  t('other', 'Iets anders', 'Other', 'Autre'),
] as const;

export const DEVICE_OWNERSHIP = [
  t('own', 'Eigen toestel', 'Own device', 'Appareil personnel'),
  t('digibank-loan', 'Geleend bij Digibank', 'Digibank loan', 'Prêt Digibank'),
  t('other', 'Iets anders', 'Other', 'Autre'),
] as const;

export const PROBLEMS = [
  t('setup', 'Nieuw toestel instellen', 'New device setup', 'Configurer un nouvel appareil'),
  t('wont-start', 'Start niet op', "Won't start", 'Ne démarre pas'),
  t('slow', 'Traag', 'Slow', 'Lent'),
  t('updates', 'Updates', 'Updates', 'Mises à jour'),
  t('storage-full', 'Geheugen vol', 'Storage full', 'Mémoire pleine'),
  t('malware', 'Virus of reclame', 'Malware', 'Virus ou publicités'),
  t('account-access', 'Wachtwoord of account', 'Account access', 'Mot de passe ou compte'),
  t('connectivity', 'Wifi of mobiele data', 'Wifi or mobile data', 'Wifi ou données mobiles'),
  t('settings', 'Instellingen', 'Settings', 'Réglages'),
  t('broken-hardware', 'Kapot', 'Broken hardware', 'Matériel cassé'),
  t('other', 'Iets anders', 'Other', 'Autre'),
] as const;

export const AGE_BANDS = [
  t('0-17', '0–17', '0–17', '0–17'),
  t('18-29', '18–29', '18–29', '18–29'),
  t('30-44', '30–44', '30–44', '30–44'),
  t('45-64', '45–64', '45–64', '45–64'),
  t('65-79', '65–79', '65–79', '65–79'),
  t('80+', '80+', '80+', '80+'),
] as const;

export const VISITOR_LANGUAGES = [
  t('nl', 'Nederlands', 'Dutch', 'Néerlandais'),
  t('fr', 'Frans', 'French', 'Français'),
  t('en', 'Engels', 'English', 'Anglais'),
  t('ar', 'Arabisch', 'Arabic', 'Arabe'),
  t('tr', 'Turks', 'Turkish', 'Turc'),
  t('ber', 'Tamazight', 'Tamazight', 'Tamazight'),
  t('uk', 'Oekraïens', 'Ukrainian', 'Ukrainien'),
  t('ru', 'Russisch', 'Russian', 'Russe'),
  t('es', 'Spaans', 'Spanish', 'Espagnol'),
  t('other', 'Andere taal', 'Other language', 'Autre langue'),
] as const;

export const GROUPS = [
  t('senior', 'Oudere', 'Senior', 'Senior'),
  t('low-income', 'Laag inkomen', 'Low income', 'Faible revenu'),
  t('disability', 'Met een beperking', 'Disability', 'Handicap'),
  t('job-seeker', 'Werkzoekend', 'Job seeker', "Demandeur d'emploi"),
  t('newcomer', 'Nieuwkomer', 'Newcomer', 'Primo-arrivant'),
  t('youth', 'Jongere', 'Youth', 'Jeune'),
  t('city-staff', 'Stadsmedewerker', 'City staff', 'Personnel de la ville'),
] as const;

export const OUTCOMES = [
  t('resolved', 'Opgelost', 'Solved', 'Résolu'),
  t('partly', 'Deels', 'Partly', 'En partie'),
  t('referred', 'Doorverwezen', 'Referred', 'Orienté'),
  t('follow-up', 'Later terug', 'Coming back', 'Reviendra'),
  t('not-resolved', 'Niet gelukt', 'Not solved', 'Pas résolu'),
  t('left', 'Weg zonder hulp', 'Left without help', 'Parti sans aide'),
] as const;

export const EFFORTS = [
  t('quick', 'Kort (info, < 5 min)', 'Quick (info, < 5 min)', 'Court (info, < 5 min)'),
  t('guided', 'Samen gedaan', 'Did it together', 'Fait ensemble'),
  t('in-depth', 'Lang of herhaald', 'Long or repeated', 'Long ou répété'),
] as const;

export const CONTACTS = [
  t('walk-in', 'Binnengelopen', 'Walk-in', 'Sans rendez-vous'),
  t('appointment', 'Afspraak', 'Appointment', 'Rendez-vous'),
  t('phone', 'Telefoon', 'Phone', 'Téléphone'),
  t('home-visit', 'Huisbezoek', 'Home visit', 'Visite à domicile'),
] as const;

export const REFERRALS = [
  t('one-to-one', 'Persoonlijke begeleiding', 'One-to-one guidance', 'Accompagnement individuel'),
  t('digidokter', 'Digidokter', 'Digidokter', 'Digidokter'),
  t('digibank-workshop', 'Digibankatelier', 'Digibank workshop', 'Atelier Digibank'),
  t('course', 'Cursus', 'Course', 'Cours'),
  t('social-house', 'Sociaal Huis', 'Sociaal Huis (social services)', 'Sociaal Huis (services sociaux)'),
  t('other-service', 'Andere dienst', 'Other service', 'Autre service'),
] as const;

type Codes<T extends readonly Term[]> = T[number]['code'];
export type Kind = Codes<typeof KINDS>;
export type Topic = Codes<typeof TOPICS>;
export type DeviceType = Codes<typeof DEVICE_TYPES>;
export type DeviceOs = Codes<typeof DEVICE_OS>;
export type DeviceOwnership = Codes<typeof DEVICE_OWNERSHIP>;
export type Problem = Codes<typeof PROBLEMS>;
export type AgeBand = Codes<typeof AGE_BANDS>;
export type VisitorLanguage = Codes<typeof VISITOR_LANGUAGES>;
export type Group = Codes<typeof GROUPS>;
export type Outcome = Codes<typeof OUTCOMES>;
export type Effort = Codes<typeof EFFORTS>;
export type Contact = Codes<typeof CONTACTS>;
export type Referral = Codes<typeof REFERRALS>;

/** The codes of a term list, for schemas and SQL checks. */
export const codesOf = <T extends readonly Term[]>(terms: T): Codes<T>[] => terms.map((term) => term.code);

/** The label of a code in a language; the code itself when unknown (never blank). */
export function labelOf(terms: readonly Term[], code: string, lang: Lang): string {
  return terms.find((term) => term.code === code)?.[lang] ?? code;
}
