import { wijkaanpakWords } from './i18n-wijkaanpak.js';

// User-facing words in Dutch (default) and English. The server words its own texts (notes, reasons) per `lang`.
const words = {
  nl: {
    skip: 'Naar de inhoud', menu: 'Hoofdmenu',
    'nav.map': 'Kaart', 'nav.compare': 'Vergelijken', 'nav.watchlist': 'Signaleringslijst', 'nav.data': 'Gegevens', 'nav.api': 'API',
    'search.label': 'Zoek een buurt, wijk of gemeente', 'search.placeholder': 'Zoek buurt of gemeente', 'search.none': 'Niets gevonden',
    'lang.switch': 'Switch to English', loading: 'Laden…', error: 'Er ging iets mis',
    level: 'Niveau', year: 'Jaar', colourBy: 'Kleur naar', fromYear: 'Vanaf jaar', indicator: 'Indicator', gemeente: 'Gemeente', all: 'heel Nederland',
    gemeenteLevel: 'gemeenten', wijkLevel: 'wijken', buurtLevel: 'buurten',
    'by.total': 'Leefbaarheid (totaal)', 'by.resilience': 'Veerkracht', 'by.change': 'Verandering tussen twee jaren', 'by.lisa': 'LISA-clusters (leefbaarheid)', 'by.indicator': 'Een indicator',
    legend: 'Legenda', noValue: 'geen waarde', mapLabel: 'Kaart van Nederland, gekleurd naar de gekozen waarde. Gebruik de zoekbalk om een gebied te openen.',
    openProfile: 'klik voor het profiel',
    score: 'Score', deviation: 'afwijking', klasse: 'klasse', percentile: 'beter dan {0} % van de inwoners van de referentie', coverage: 'dekking',
    why: 'Waarom deze score', whyHelp: 'De bijdragen van de dimensies en indicatoren tellen precies op tot de afwijking. Rechts van de lijn: beter dan de referentie.',
    value: 'waarde', reference: 'referentie', contribution: 'bijdrage', fromBuurten: 'berekend uit de buurten',
    trend: 'Verloop', trendHelp: 'Alle jaren op één referentie: {0}', indicatorTrend: 'Indicator door de jaren',
    comparison: 'Vergelijking met wijk, gemeente en land', country: 'Nederland',
    resilience: 'Veerkracht', capacity: 'draagkracht', pressure: 'druk', vulnerable: 'kwetsbaar aandeel', lqGemeente: 'LQ t.o.v. gemeente', lqCountry: 'LQ t.o.v. land',
    corporation: 'corporatiewoningen', turnover: 'verhuisd (meer dan eens)',
    flags: 'Signalen', warning: 'Vroegsignalering', risk: 'risico', noFlags: 'Geen bijzonderheden.', note: 'Toelichting',
    caveat: 'Let op', report: 'Rapport afdrukken', pdf: 'PDF', addCompare: 'Vergelijk', csvGemeente: 'CSV van de buurten in de gemeente',
    notScored: 'Geen score', compareTitle: 'Gebieden vergelijken', compareHelp: 'Kies 2 tot 4 gebieden met de zoekbalk of hieronder.', add: 'Toevoegen', remove: 'Verwijder',
    watchTitle: 'Signaleringslijst', watchHelp: 'Buurten en wijken net boven het kantelpunt die achteruitgaan, of waar het aandeel kwetsbare huishoudens stijgt.',
    filterGemeente: 'Filter op gemeente', download: 'Download CSV', downloadXlsx: 'Download Excel', name: 'Naam', code: 'Code', reasons: 'Redenen', change: 'verandering', sortBy: 'Sorteer op',
    dataTitle: 'Gegevens en herkomst', imports: 'Imports', file: 'Bestand', kind: 'Soort', importedAt: 'Geïmporteerd', rows: 'Rijen', values: 'Waarden',
    areas: 'gebieden', exports: 'Exports', yes: 'ja', no: 'nee', considered: '{0} van {1} gebieden op de lijst, veranderingen {2} → {3}',
  },
  en: {
    skip: 'Skip to content', menu: 'Main menu',
    'nav.map': 'Map', 'nav.compare': 'Compare', 'nav.watchlist': 'Watchlist', 'nav.data': 'Data', 'nav.api': 'API',
    'search.label': 'Search a buurt, wijk or gemeente', 'search.placeholder': 'Search buurt or gemeente', 'search.none': 'Nothing found',
    'lang.switch': 'Schakel naar Nederlands', loading: 'Loading…', error: 'Something went wrong',
    level: 'Level', year: 'Year', colourBy: 'Colour by', fromYear: 'From year', indicator: 'Indicator', gemeente: 'Gemeente', all: 'the whole country',
    gemeenteLevel: 'gemeenten', wijkLevel: 'wijken', buurtLevel: 'buurten',
    'by.total': 'Livability (total)', 'by.resilience': 'Resilience', 'by.change': 'Change between two years', 'by.lisa': 'LISA clusters (livability)', 'by.indicator': 'An indicator',
    legend: 'Legend', noValue: 'no value', mapLabel: 'Map of the Netherlands coloured by the chosen value. Use the search box to open an area.',
    openProfile: 'click for the profile',
    score: 'Score', deviation: 'deviation', klasse: 'class', percentile: "better than {0} % of the reference's inhabitants", coverage: 'coverage',
    why: 'Why this score', whyHelp: 'The contributions of the dimensions and indicators add up exactly to the deviation. Right of the line: better than the reference.',
    value: 'value', reference: 'reference', contribution: 'contribution', fromBuurten: 'computed from the buurten',
    trend: 'Trend', trendHelp: 'All years on one reference: {0}', indicatorTrend: 'Indicator over the years',
    comparison: 'Comparison with wijk, gemeente and country', country: 'Netherlands',
    resilience: 'Resilience', capacity: 'capacity', pressure: 'pressure', vulnerable: 'vulnerable share', lqGemeente: 'LQ vs gemeente', lqCountry: 'LQ vs country',
    corporation: 'corporation dwellings', turnover: 'moved more than once',
    flags: 'Flags', warning: 'Early warning', risk: 'risk', noFlags: 'Nothing to flag.', note: 'Note',
    caveat: 'Note', report: 'Print report', pdf: 'PDF', addCompare: 'Compare', csvGemeente: "CSV of the gemeente's buurten",
    notScored: 'No score', compareTitle: 'Compare areas', compareHelp: 'Choose 2 to 4 areas with the search box or below.', add: 'Add', remove: 'Remove',
    watchTitle: 'Watchlist', watchHelp: 'Buurten and wijken just above the tipping point that decline, or where the share of vulnerable households rises.',
    filterGemeente: 'Filter by gemeente', download: 'Download CSV', downloadXlsx: 'Download Excel', name: 'Name', code: 'Code', reasons: 'Reasons', change: 'change', sortBy: 'Sort by',
    dataTitle: 'Data and provenance', imports: 'Imports', file: 'File', kind: 'Kind', importedAt: 'Imported', rows: 'Rows', values: 'Values',
    areas: 'areas', exports: 'Exports', yes: 'yes', no: 'no', considered: '{0} of {1} areas on the list, changes {2} → {3}',
  },
};

Object.assign(words.nl, wijkaanpakWords.nl);
Object.assign(words.en, wijkaanpakWords.en);

let language = localStorage.getItem('leefkracht.lang') === 'en' ? 'en' : 'nl';

export const lang = () => language;

export function setLang(value) {
  language = value === 'en' ? 'en' : 'nl';
  localStorage.setItem('leefkracht.lang', language);
  document.documentElement.lang = language;
}

export function t(key, ...args) {
  const text = words[language][key] ?? words.nl[key] ?? key;
  return args.reduce((s, a, i) => s.replace(`{${i}}`, a), text);
}

const dutch = new Intl.NumberFormat('nl-NL', { maximumFractionDigits: 3 });
const english = new Intl.NumberFormat('en-GB', { maximumFractionDigits: 3 });

/** A number in the user's language; signed numbers get a real minus sign. */
export function num(value, digits = 3, signed = false) {
  if (value === null || value === undefined || Number.isNaN(value)) return '–';
  const format = new Intl.NumberFormat(language === 'en' ? 'en-GB' : 'nl-NL', { minimumFractionDigits: digits, maximumFractionDigits: digits });
  const text = format.format(Math.abs(value));
  if (value < 0) return '−' + text;
  return signed ? '+' + text : text;
}

export function plain(value) {
  return value === null || value === undefined ? '–' : (language === 'en' ? english : dutch).format(value);
}

/** Applies the words to static elements marked with data-i18n attributes. */
export function translatePage(root = document) {
  root.querySelectorAll('[data-i18n]').forEach((e) => { e.textContent = t(e.dataset.i18n); });
  root.querySelectorAll('[data-i18n-placeholder]').forEach((e) => { e.placeholder = t(e.dataset.i18nPlaceholder); });
  root.querySelectorAll('[data-i18n-aria]').forEach((e) => { e.setAttribute('aria-label', t(e.dataset.i18nAria)); });
}
