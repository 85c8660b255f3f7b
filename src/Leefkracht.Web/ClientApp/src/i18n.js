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
    'nav.planner': 'Planner',
    'planner.title': 'Planner: wat-als-scenario’s', 'planner.whatifTitle': 'Wat-als, geen voorspelling.',
    'planner.whatif': 'Alles op deze pagina is een doorrekening onder de genoemde, aanpasbare aannames (doorstroming, kwetsbaarheid per segment, toewijzingsregels). Het toont wat er zou gebeuren als die aannames kloppen; het voorspelt niet wat er gaat gebeuren.',
    'planner.help': 'Kies een gemeente, selecteer buurten op de kaart of in de lijst, voeg ingrepen toe en reken door. Elk scenario wordt vergeleken met de basis: hetzelfde gebied zonder ingrepen.',
    'planner.chooseGemeente': 'Kies een gemeente', 'planner.baseYear': 'Basisjaar', 'planner.years': 'Aantal jaren', 'planner.name': 'Naam van het scenario', 'planner.defaultName': 'Mijn scenario',
    'planner.byVulnerable': 'Aandeel kwetsbare huishoudens', 'planner.byResilience': 'Veerkracht (klasse)', 'planner.byChange': 'Verschil met de basis (kwetsbaar aandeel)',
    'planner.mapLabel': 'Kaart van de buurten van de gemeente. Klik op een buurt om haar te selecteren; de lijst hieronder doet hetzelfde met het toetsenbord.',
    'planner.clickToSelect': 'klik om te (de)selecteren', 'planner.selectedLegend': 'geselecteerd',
    'planner.buurten': 'Buurten', 'planner.buurtenHelp': 'Geselecteerde buurten krijgen de ingrepen die je toevoegt met "Waar: geselecteerde buurten".',
    'planner.buurt': 'Buurt', 'planner.select': 'Selecteer', 'planner.clearSelection': 'Selectie wissen', 'planner.noneSelected': 'Geen buurten geselecteerd.',
    'planner.selected': 'geselecteerd', 'planner.deselected': 'niet meer geselecteerd',
    'planner.interventions': 'Ingrepen', 'planner.kind': 'Ingreep', 'planner.segment': 'Segment', 'planner.to': 'Naar segment', 'planner.dwellings': 'Woningen (totaal)',
    'planner.overYears': 'Verspreid over jaren', 'planner.group': 'Doelgroep', 'planner.perYearLabel': 'Huishoudens per jaar', 'planner.allocation': 'Verdeling',
    'planner.from': 'Vanaf', 'planner.until': 'Tot en met', 'planner.where': 'Waar', 'planner.scopeSelected': 'geselecteerde buurten', 'planner.wholeArea': 'het hele gebied',
    'planner.scopeWeakest': 'de zwakste buurten (veerkracht)', 'planner.weakestCount': 'Aantal zwakste buurten', 'planner.weakestN': 'de {0} zwakste buurten',
    'planner.addIntervention': 'Ingreep toevoegen', 'planner.noInterventions': 'Nog geen ingrepen: dit is de basis.', 'planner.added': 'Ingreep toegevoegd',
    'planner.selectFirst': 'Selecteer eerst een of meer buurten, of kies een ander "Waar".',
    'planner.placements': 'Plaatsingen', 'planner.perYear': 'per jaar',
    'planner.parameters': 'Aannames van het model (parameters)', 'planner.parametersHelp': 'Wat het model aanneemt (docs/planner.md#parameters). Alleen waarden die afwijken van de standaard komen in het scenario.',
    'planner.turnover': 'Mutatiegraad per jaar', 'planner.relativeVulnerability': 'Relatieve kans op kwetsbare huishoudens (sociale huur = 1)',
    'planner.midRentShare': 'Aandeel middenhuur in overige huur', 'planner.tippingShare': 'Kantelpunt: kwetsbaar aandeel', 'planner.inflowFeedback': 'Selectieve instroom η (0 = vast verhuurpatroon)',
    'planner.defaults': 'Standaardwaarden',
    'planner.rules': 'Toewijzingsregels', 'planner.cap': 'Maximaal aandeel vrijkomende sociale huur voor plaatsingen', 'planner.excludeAbove': 'Geen plaatsingen boven kwetsbaar aandeel (leeg = geen regel)',
    'planner.run': 'Doorrekenen', 'planner.save': 'Bewaren', 'planner.download': 'Download JSON', 'planner.upload': 'Upload JSON', 'planner.reset': 'Ingrepen wissen',
    'planner.uploadFailed': 'Het bestand kon niet worden gelezen', 'planner.noGemeenteInFile': 'het scenario noemt geen gemeente uit de database',
    'planner.ran': 'Doorgerekend', 'planner.start': 'Kies een gemeente om te beginnen.',
    'planner.againstBaseline': 'scenario tegen basis', 'planner.scenarioVsBaseline': 'scenario (basis)', 'planner.baseline': 'basis', 'planner.scenario': 'scenario',
    'planner.vulnerableShare': 'Kwetsbaar aandeel', 'planner.meanResilience': 'Gemiddelde veerkracht', 'planner.highest': 'Hoogste buurt', 'planner.aboveTipping': 'Buurten ≥ kantelpunt',
    'planner.veryVulnerable': 'Buurten in klasse 1', 'planner.placed': 'Geplaatst', 'planner.assumptions': 'Aannames en referentie',
    'planner.perBuurt': 'Per buurt in', 'planner.andResilience': 'en veerkracht', 'planner.difference': 'Verschil', 'planner.resilienceBaseline': 'Veerkracht basis',
    'planner.resilienceScenario': 'Veerkracht scenario', 'planner.socialRent': 'Sociale huur', 'planner.placedHouseholds': 'Geplaatste huishoudens (cumulatief)',
    'planner.saved': 'Bewaarde scenario’s', 'planner.savedHelp': 'Bewaard in deze browser. Kies er 2 tot 4 (de basis telt mee) om te vergelijken; het eerste is de maat.',
    'planner.noneSaved': 'Nog niets bewaard.', 'planner.open': 'Openen', 'planner.withBaseline': 'met de basis als eerste', 'planner.compare': 'Vergelijk geselecteerde',
    'planner.loadExamples': 'Voorbeelden toevoegen (Utrecht)', 'planner.baselineName': 'Basis (geen ingreep)', 'planner.compareCount': 'Kies 2 tot 4 scenario’s (met de basis erbij).',
    'planner.savedNote': '"{0}" bewaard', 'planner.comparedWith': 'vergeleken met', 'planner.mostChanged': 'grootste verschillen per buurt', 'planner.resilienceDifference': 'Verschil veerkracht',
    'planner.noDifference': 'Geen buurt verschilt meer dan 0,05 procentpunt.',
    'planner.optimiser': 'Plaatsingen optimaliseren', 'planner.optimiserHelp': 'Eén jaar plaatsingen over de buurten van de gemeente: waar de vrijkomende woningen zijn (naïef) tegenover de spreiding met de laagst mogelijke hoogste concentratie.',
    'planner.optPlacements': 'Plaatsingen', 'planner.optimise': 'Optimaliseer', 'planner.naive': 'Naïef (waar de vrijkomende woningen zijn)', 'planner.optimisedPlan': 'Geoptimaliseerd', 'planner.naiveShort': 'Naïef',
    'planner.worstPlaced': 'hoogste buurt die plaatsingen krijgt eindigt op {0} ({1} geplaatst)', 'planner.optCaption': 'buurten die in een van beide plannen plaatsingen krijgen',
    'planner.vacancies': 'Vrijkomende sociale huur', 'planner.capacity': 'Ruimte', 'planner.shareNow': 'Kwetsbaar nu', 'planner.reason': 'Reden',
    'action.build': 'Bouwen', 'action.demolish': 'Slopen', 'action.convert': 'Omzetten', 'action.sell': 'Verkopen',
    'segment.socialRent': 'sociale huur', 'segment.midRent': 'middenhuur', 'segment.privateRent': 'vrije huur', 'segment.ownerOccupied': 'koop',
    'group.statushouder': 'statushouders', 'group.ggz': 'GGZ-uitstroom', 'group.shelter': 'maatschappelijke opvang',
    'allocation.vacancies': 'waar de vrijkomende woningen zijn', 'allocation.optimised': 'geoptimaliseerd',
    'reason.atWorstLevel': 'bepaalt het niveau', 'reason.atCapacity': 'vol (ruimte benut)', 'reason.placed': 'geplaatst', 'reason.tooConcentrated': 'al te geconcentreerd',
    'reason.notNeeded': 'niet nodig', 'reason.noCapacity': 'geen ruimte of uitgesloten',
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
    'nav.planner': 'Planner',
    'planner.title': 'Planner: what-if scenarios', 'planner.whatifTitle': 'What-if, not a forecast.',
    'planner.whatif': 'Everything on this page is a projection under the stated, changeable assumptions (turnover, vulnerability per segment, allocation rules). It shows what would happen if those assumptions hold; it does not predict what will happen.',
    'planner.help': 'Choose a gemeente, select buurten on the map or in the list, add interventions and run. Every scenario is compared with the baseline: the same area without interventions.',
    'planner.chooseGemeente': 'Choose a gemeente', 'planner.baseYear': 'Base year', 'planner.years': 'Years', 'planner.name': 'Scenario name', 'planner.defaultName': 'My scenario',
    'planner.byVulnerable': 'Share of vulnerable households', 'planner.byResilience': 'Resilience (class)', 'planner.byChange': 'Difference from the baseline (vulnerable share)',
    'planner.mapLabel': "Map of the gemeente's buurten. Click a buurt to select it; the list below does the same with the keyboard.",
    'planner.clickToSelect': 'click to (de)select', 'planner.selectedLegend': 'selected',
    'planner.buurten': 'Buurten', 'planner.buurtenHelp': 'Selected buurten receive the interventions you add with "Where: selected buurten".',
    'planner.buurt': 'Buurt', 'planner.select': 'Select', 'planner.clearSelection': 'Clear selection', 'planner.noneSelected': 'No buurten selected.',
    'planner.selected': 'selected', 'planner.deselected': 'no longer selected',
    'planner.interventions': 'Interventions', 'planner.kind': 'Intervention', 'planner.segment': 'Segment', 'planner.to': 'To segment', 'planner.dwellings': 'Dwellings (total)',
    'planner.overYears': 'Spread over years', 'planner.group': 'Target group', 'planner.perYearLabel': 'Households per year', 'planner.allocation': 'Allocation',
    'planner.from': 'From', 'planner.until': 'Until', 'planner.where': 'Where', 'planner.scopeSelected': 'selected buurten', 'planner.wholeArea': 'the whole area',
    'planner.scopeWeakest': 'the weakest buurten (resilience)', 'planner.weakestCount': 'Number of weakest buurten', 'planner.weakestN': 'the {0} weakest buurten',
    'planner.addIntervention': 'Add intervention', 'planner.noInterventions': 'No interventions yet: this is the baseline.', 'planner.added': 'Intervention added',
    'planner.selectFirst': 'Select one or more buurten first, or choose another "Where".',
    'planner.placements': 'Placements', 'planner.perYear': 'per year',
    'planner.parameters': 'Model assumptions (parameters)', 'planner.parametersHelp': 'What the model assumes (docs/planner.md#parameters). Only values that differ from the defaults go into the scenario.',
    'planner.turnover': 'Turnover per year', 'planner.relativeVulnerability': 'Relative likelihood of vulnerable households (social rent = 1)',
    'planner.midRentShare': 'Mid-rent share of other rent', 'planner.tippingShare': 'Tipping point: vulnerable share', 'planner.inflowFeedback': 'Selective inflow η (0 = fixed letting pattern)',
    'planner.defaults': 'Defaults',
    'planner.rules': 'Allocation rules', 'planner.cap': 'Maximum share of social-rent vacancies for placements', 'planner.excludeAbove': 'No placements above vulnerable share (empty = no rule)',
    'planner.run': 'Run', 'planner.save': 'Save', 'planner.download': 'Download JSON', 'planner.upload': 'Upload JSON', 'planner.reset': 'Clear interventions',
    'planner.uploadFailed': 'The file could not be read', 'planner.noGemeenteInFile': 'the scenario names no gemeente of the database',
    'planner.ran': 'Projected', 'planner.start': 'Choose a gemeente to start.',
    'planner.againstBaseline': 'scenario against baseline', 'planner.scenarioVsBaseline': 'scenario (baseline)', 'planner.baseline': 'baseline', 'planner.scenario': 'scenario',
    'planner.vulnerableShare': 'Vulnerable share', 'planner.meanResilience': 'Mean resilience', 'planner.highest': 'Highest buurt', 'planner.aboveTipping': 'Buurten ≥ tipping point',
    'planner.veryVulnerable': 'Buurten in class 1', 'planner.placed': 'Placed', 'planner.assumptions': 'Assumptions and reference',
    'planner.perBuurt': 'Per buurt in', 'planner.andResilience': 'and resilience', 'planner.difference': 'Difference', 'planner.resilienceBaseline': 'Resilience baseline',
    'planner.resilienceScenario': 'Resilience scenario', 'planner.socialRent': 'Social rent', 'planner.placedHouseholds': 'Placed households (cumulative)',
    'planner.saved': 'Saved scenarios', 'planner.savedHelp': 'Kept in this browser. Choose 2 to 4 (the baseline counts) to compare; the first is the yardstick.',
    'planner.noneSaved': 'Nothing saved yet.', 'planner.open': 'Open', 'planner.withBaseline': 'with the baseline first', 'planner.compare': 'Compare selected',
    'planner.loadExamples': 'Add the examples (Utrecht)', 'planner.baselineName': 'Baseline (no intervention)', 'planner.compareCount': 'Choose 2 to 4 scenarios (counting the baseline).',
    'planner.savedNote': '"{0}" saved', 'planner.comparedWith': 'compared with', 'planner.mostChanged': 'largest differences per buurt', 'planner.resilienceDifference': 'Resilience difference',
    'planner.noDifference': 'No buurt differs by more than 0.05 percentage points.',
    'planner.optimiser': 'Optimise placements', 'planner.optimiserHelp': "One year's placements over the gemeente's buurten: where the vacancies are (naive) against the spread with the lowest possible highest concentration.",
    'planner.optPlacements': 'Placements', 'planner.optimise': 'Optimise', 'planner.naive': 'Naive (where the vacancies are)', 'planner.optimisedPlan': 'Optimised', 'planner.naiveShort': 'Naive',
    'planner.worstPlaced': 'the highest buurt receiving placements ends at {0} ({1} placed)', 'planner.optCaption': 'buurten that receive placements in either plan',
    'planner.vacancies': 'Social-rent vacancies', 'planner.capacity': 'Capacity', 'planner.shareNow': 'Vulnerable now', 'planner.reason': 'Reason',
    'action.build': 'Build', 'action.demolish': 'Demolish', 'action.convert': 'Convert', 'action.sell': 'Sell',
    'segment.socialRent': 'social rent', 'segment.midRent': 'mid rent', 'segment.privateRent': 'private rent', 'segment.ownerOccupied': 'owner-occupied',
    'group.statushouder': 'status holders', 'group.ggz': 'mental-health outflow', 'group.shelter': 'shelter outflow',
    'allocation.vacancies': 'where the vacancies are', 'allocation.optimised': 'optimised',
    'reason.atWorstLevel': 'sets the level', 'reason.atCapacity': 'at capacity', 'reason.placed': 'placed', 'reason.tooConcentrated': 'already too concentrated',
    'reason.notNeeded': 'not needed', 'reason.noCapacity': 'no capacity or excluded',
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
