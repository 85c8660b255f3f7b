using System.Collections.Frozen;

namespace Leefkracht.Cli;

/// <summary>
/// The words the command line shows to users, in Dutch (the default) and English. Technical messages from the
/// import (file, line, column, reason) stay in English, the language of the data documentation they cite.
/// </summary>
internal sealed class Texts
{
    private static readonly FrozenDictionary<string, (string Nl, string En)> Words = new Dictionary<string, (string, string)>
    {
        ["file"] = ("Bestand", "File"),
        ["kind"] = ("Soort", "Kind"),
        ["outcome"] = ("Resultaat", "Outcome"),
        ["rows"] = ("Rijen", "Rows"),
        ["stored"] = ("opgeslagen", "stored"),
        ["skipped"] = ("overgeslagen", "skipped"),
        ["rejected"] = ("afgewezen", "rejected"),
        ["already"] = ("al geïmporteerd", "already imported"),
        ["errors"] = ("fouten", "errors"),
        ["warnings"] = ("waarschuwingen", "warnings"),
        ["importing"] = ("Importeren", "Importing"),
        ["code"] = ("Code", "Code"),
        ["name"] = ("Naam", "Name"),
        ["level"] = ("Niveau", "Level"),
        ["year"] = ("Indeling", "Division"),
        ["gemeente"] = ("Gemeente", "Gemeente"),
        ["wijk"] = ("Wijk", "Wijk"),
        ["indicator"] = ("Indicator", "Indicator"),
        ["value"] = ("Waarde", "Value"),
        ["unit"] = ("Eenheid", "Unit"),
        ["source"] = ("Bron", "Source"),
        ["period"] = ("Jaar", "Year"),
        ["areas_found"] = ("{0} gebieden", "{0} areas"),
        ["no_values"] = ("Geen waarden voor {0}{1}.", "No values for {0}{1}."),
        ["unknown_area"] = ("Onbekend gebied: {0} staat niet in de database ({1}).", "Unknown area: {0} is not in the database ({1})."),
        ["demo_importing"] = ("Voorbeelddata importeren uit {0} naar {1}", "Importing the sample data from {0} into {1}"),
        ["demo_summary"] = ("Database {0}: {1} imports, {2} gebieden, {3} waarden, {4} grenzen, {5} koppelingen tussen indelingen.", "Database {0}: {1} imports, {2} areas, {3} values, {4} boundaries, {5} crosswalk links."),
        ["demo_no_dashboard"] = ("Zonder dashboard (--no-serve); probeer: leefkracht serve, leefkracht areas --level buurt --year 2024, leefkracht show BU03440111 --year 2023", "Without the dashboard (--no-serve); try: leefkracht serve, leefkracht areas --level buurt --year 2024, leefkracht show BU03440111 --year 2023"),
        ["serve_listening"] = ("Dashboard: {0}  (API: {0}/api, OpenAPI: {0}/openapi/v1.json; Ctrl+C stopt)", "Dashboard: {0}  (API: {0}/api, OpenAPI: {0}/openapi/v1.json; Ctrl+C stops)"),
        ["rows_line"] = ("  rijen: {0} gelezen, {1} opgeslagen, {2} overgeslagen, {3} afgewezen; {4} fouten, {5} waarschuwingen", "  rows: {0} read, {1} stored, {2} skipped, {3} rejected; {4} errors, {5} warnings"),
        ["sources"] = ("Bronnen", "Sources"),
        ["did_you_mean"] = ("Bedoelde u", "Did you mean"),
        ["theme.bevolking"] = ("Bevolking", "Population"),
        ["theme.huishoudens"] = ("Huishoudens", "Households"),
        ["theme.wonen"] = ("Wonen", "Housing"),
        ["theme.energie"] = ("Energie", "Energy"),
        ["theme.onderwijs"] = ("Onderwijs", "Education"),
        ["theme.arbeid"] = ("Arbeid", "Labour"),
        ["theme.inkomen"] = ("Inkomen", "Income"),
        ["theme.sociale_zekerheid"] = ("Sociale zekerheid", "Social security"),
        ["theme.zorg"] = ("Zorg", "Care"),
        ["theme.bedrijven"] = ("Bedrijfsvestigingen", "Businesses"),
        ["theme.motorvoertuigen"] = ("Motorvoertuigen", "Vehicles"),
        ["theme.nabijheid"] = ("Nabijheid voorzieningen", "Proximity of amenities"),
        ["theme.oppervlakte"] = ("Oppervlakte", "Surface area"),
        ["theme.postcode"] = ("Postcode", "Postcode"),
        ["theme.stedelijkheid"] = ("Stedelijkheid", "Urbanity"),
        ["theme.veiligheid"] = ("Veiligheid", "Safety"),
        ["theme.gezondheid"] = ("Gezondheid", "Health"),
        ["theme.wijkprofiel"] = ("Wijkprofiel Rotterdam", "Rotterdam Wijkprofiel"),
        ["percentile"] = ("Pct", "Pct"),
        ["score"] = ("Score", "Score"),
        ["deviation"] = ("Afwijking", "Deviation"),
        ["class"] = ("Klasse", "Class"),
        ["coverage"] = ("Dekking", "Coverage"),
        ["not_scored"] = ("geen score", "no score"),
        ["score_footer"] = ("{0} van {1} gebieden gescoord. Referentie: {2}. Model {3} v{4}. Score: 100 = het gemiddelde van de referentie, 10 punten = 0,1 standaardscore. Pct = beter dan dit percentage van de inwoners van de referentie. De index beschrijft; hij bewijst geen oorzaken.", "{0} of {1} areas scored. Reference: {2}. Model {3} v{4}. Score: 100 = the reference average, 10 points = 0.1 standard score. Pct = better than this share of the reference's inhabitants. The index describes; it does not prove causes."),
        ["change"] = ("Verandering", "Change"),
        ["change_class"] = ("Veranderklasse", "Change class"),
        ["not_compared"] = ("niet vergeleken", "not compared"),
        ["trend_footer"] = ("{0} van {1} gebieden vergeleken, beide jaren tegen één referentie: {2}, en alleen op indicatoren die in beide jaren bekend zijn. Model {3} v{4}. Een verandering beschrijft; ze bewijst geen oorzaken.", "{0} of {1} areas compared, both years against one reference: {2}, and only on indicators known in both years. Model {3} v{4}. A change describes; it does not prove causes."),
        ["trend_reference_fallback"] = ("Landelijk zijn er in {0} te weinig cijfers voor een referentie; de buurten van {1} in {0} zijn de referentie.", "Nationally, {0} has too few figures for a reference; the buurten of {1} in {0} are the reference."),
        ["resilience"] = ("Veerkracht", "Resilience"),
        ["vulnerable_share"] = ("Kwetsbaar", "Vulnerable"),
        ["lq"] = ("LQ gem.", "LQ gem."),
        ["corporation_pct"] = ("Corporatie", "Corporation"),
        ["corporatiebuurt"] = ("Corporatiebuurt", "Corporatiebuurt"),
        ["resilience_footer"] = ("{0} van {1} gebieden gescoord. Referentie: {2}. Veerkracht = draagkracht − druk van kwetsbare huishoudens (standaardscores); klassen 1 zeer kwetsbaar … 5 zeer veerkrachtig. Kwetsbaar = het aandeel huishoudens met een laag inkomen (of de eerste kwetsbaarheidsmaat die er is); LQ = dat aandeel gedeeld door dat van de gemeente; corporatiebuurt = meer dan twee derde corporatiewoningen.", "{0} of {1} areas scored. Reference: {2}. Resilience = capacity − pressure of vulnerable households (standard scores); classes 1 very vulnerable … 5 very resilient. Vulnerable = the share of low-income households (or the first vulnerability measure present); LQ = that share divided by the gemeente's; corporatiebuurt = more than two thirds corporation dwellings."),
        ["dimension"] = ("Dimensie", "Dimension"),
        ["weight"] = ("Gewicht", "Weight"),
        ["effective_weight"] = ("Effectief", "Effective"),
        ["reason"] = ("Reden", "Reason"),
        ["per_sd"] = ("Per sd", "Per sd"),
        ["standard_error"] = ("Standaardfout", "Standard error"),
        ["model_fit_summary"] = ("Doel {0}: {1} gebieden ({2}, {3}); R² {4} in de steekproef, {5} buiten de steekproef ({6}-voudige kruisvalidatie); gekozen penalty λ = {7}.", "Target {0}: {1} areas ({2}, {3}); R² {4} in sample, {5} out of fold ({6}-fold cross-validation); chosen penalty λ = {7}."),
        ["model_written"] = ("Model geschreven naar {0}. Gebruik het met --model.", "Model written to {0}. Use it with --model."),
        ["model_dropped"] = ("Niet gebruikt: {0} — {1}", "Not used: {0} — {1}"),
        ["model_classes"] = ("Klassengrenzen (afwijking): {0}", "Class bounds (deviation): {0}"),
        ["risk"] = ("Risico", "Risk"),
        ["reasons"] = ("Redenen", "Reasons"),
        ["watchlist_footer"] = ("{0} van {1} gebieden op de signaleringslijst, veranderingen {2} → {3} tegen één referentie ({4}); grens zwak/voldoende {5}. Risico = de geschatte kans op een duidelijke verslechtering in de volgende periode (model, zie docs/indices.md). Een signaal beschrijft; het bewijst geen oorzaken.", "{0} of {1} areas on the watchlist, changes {2} → {3} against one reference ({4}); weak/sufficient boundary {5}. Risk = the estimated chance of a clear decline in the next period (model, see docs/indices.md). A signal describes; it does not prove causes."),
        ["backtest_summary"] = ("{0}: {1} gevallen, {2} daarvan verslechterden duidelijk; model getoetst op {3}: AUC {4} (opnieuw geschat op eerdere jaren), {5} (standaardmodel); AUC {6} op alle gevallen van het model dat op de andere panels is geschat.", "{0}: {1} cases, {2} of them declined clearly; model tested on {3}: AUC {4} (refitted on earlier years), {5} (default model); AUC {6} on all cases of the model fitted on the other panels."),
        ["backtest_pooled"] = ("Model geschat op alle {0} gevallen samen (intercept, marge, verandering per jaar, verandering kwetsbaar aandeel per jaar): {1}.", "Model fitted on all {0} cases together (intercept, margin, change per year, change of the vulnerable share per year): {1}."),
        ["compare_disagreements"] = ("Grootste verschillen in rangorde met {0} (onze afwijking / hun score, onze rang min de hunne): {1}.", "Largest differences in rank with {0} (our deviation / their score, our rank minus theirs): {1}."),
        ["compare_footer"] = ("Onze scores van {0} tegen de externe scores van {1}; referentie: {2}. Pearson = lineaire samenhang, Spearman = samenhang van de rangorde. Samenhang is geen bewijs dat de twee hetzelfde meten.", "Our scores of {0} against the external scores of {1}; reference: {2}. Pearson = linear association, Spearman = association of the rankings. Association does not prove that the two measure the same thing."),
        ["no_data_for_area"] = ("Geen gegevens voor {0} in {1}.", "No data for {0} in {1}."),
        ["run_summary"] = ("{0} bestanden: {1} opgeslagen, {2} al geïmporteerd, {3} afgewezen.", "{0} files: {1} stored, {2} already imported, {3} rejected."),
        ["spatial.what"] = ("Wat", "What"),
        ["spatial.areas"] = ("Gebieden", "Areas"),
        ["spatial.rule"] = ("Burenregel", "Neighbour rule"),
        ["spatial.boundary_year"] = ("Grenzen van", "Boundaries of"),
        ["spatial.links"] = ("Buurrelaties", "Links"),
        ["spatial.mean_neighbours"] = ("Gemiddeld aantal buren", "Mean number of neighbours"),
        ["spatial.min_max_neighbours"] = ("Minste – meeste buren", "Fewest – most neighbours"),
        ["spatial.symmetric"] = ("Symmetrisch", "Symmetric"),
        ["spatial.islands"] = ("Eilanden (geen buren)", "Islands (no neighbours)"),
        ["spatial.cluster"] = ("Cluster", "Cluster"),
        ["spatial.cluster.HH"] = ("HH hoog-hoog (cluster)", "HH high-high (cluster)"),
        ["spatial.cluster.LL"] = ("LL laag-laag (cluster)", "LL low-low (cluster)"),
        ["spatial.cluster.HL"] = ("HL hoog tussen laag", "HL high among low"),
        ["spatial.cluster.LH"] = ("LH laag tussen hoog", "LH low among high"),
        ["spatial.cluster.ns"] = ("niet significant", "not significant"),
        ["spatial.cluster.island"] = ("geen buren", "no neighbours"),
        ["spatial.spot"] = ("Hot/cold spot", "Hot/cold spot"),
        ["spatial.spot.hot"] = ("hot spot (hoog)", "hot spot (high)"),
        ["spatial.spot.cold"] = ("cold spot (laag)", "cold spot (low)"),
        ["spatial.spot.ns"] = ("niet significant", "not significant"),
        ["spatial.spot.island"] = ("geen buren", "no neighbours"),
        ["spatial.footer"] = ("{0} gebieden met een waarde ({1} zonder waarde weggelaten); buren: {2}, grenzen {3}; {4} eilanden; {5} permutaties, seed {6}.", "{0} areas with a value ({1} without a value left out); neighbours: {2}, boundaries {3}; {4} islands; {5} permutations, seed {6}."),
        ["spatial.moran_positive"] = ("Moran's I = {0}: gelijke waarden liggen vaker naast elkaar dan bij toeval.", "Moran's I = {0}: similar values lie next to each other more often than by chance."),
        ["spatial.moran_negative"] = ("Moran's I = {0}: ongelijke waarden liggen vaker naast elkaar dan bij toeval.", "Moran's I = {0}: dissimilar values lie next to each other more often than by chance."),
        ["spatial.lisa_summary"] = ("Clusters: {0} HH, {1} LL; uitschieters: {2} HL, {3} LH; {4} niet significant (alfa {5}, {6}). Clusters beschrijven; ze bewijzen geen oorzaken.", "Clusters: {0} HH, {1} LL; outliers: {2} HL, {3} LH; {4} not significant (alpha {5}, {6}). Clusters describe; they do not prove causes."),
        ["spatial.gistar_summary"] = ("{0} hot spots, {1} cold spots, {2} niet significant (alfa {3}, {4}).", "{0} hot spots, {1} cold spots, {2} not significant (alpha {3}, {4})."),
        ["segregation.group"] = ("Groep", "Group"),
        ["segregation.skipped"] = ("{0} {1} overgeslagen: {2}.", "{0} {1} skipped: {2}."),
        ["segregation.footer"] = ("D = aandeel van de groep dat zou moeten verhuizen voor een gelijke spreiding; isolatie = aandeel van de groep in de buurt van een gemiddeld groepslid; blootstelling = aandeel anderen daar; Theil H = 0 gelijk … 1 volledig gescheiden. Berekend uit buurtpercentages × aantallen.", "D = share of the group that would have to move to be spread evenly; isolation = the group's share in the buurt of an average member; exposure = the share of others there; Theil H = 0 even … 1 completely apart. Computed from buurt percentages × counts."),
        ["yes"] = ("ja", "yes"),
        ["no"] = ("nee", "no"),
        // Server mode (issue 7): store errors, backup and restore.
        ["store_unavailable"] = ("fout: database {0} niet bruikbaar: {1}", "error: database {0} cannot be used: {1}"),
        ["backup_written"] = ("Back-up van {0} geschreven naar {1}:", "Backup of {0} written to {1}:"),
        ["restore_done"] = ("{0} teruggezet in {1}:", "{0} restored into {1}:"),
        ["table_rows"] = ("  {0}: {1} rijen", "  {0}: {1} rows"),
        ["caveat"] = ("Cijfers: CBS en anderen, zie data/sample/ATTRIBUTION.md.", "Figures: CBS and others, see data/sample/ATTRIBUTION.md."),
    }.ToFrozenDictionary(StringComparer.Ordinal);

    private Texts(string language) => Language = language;

    /// <summary>Dutch, the default.</summary>
    public static Texts Dutch { get; } = new("nl");

    /// <summary>English.</summary>
    public static Texts English { get; } = new("en");

    /// <summary>"nl" or "en".</summary>
    public string Language { get; }

    public string this[string key] => Words.TryGetValue(key, out var word) ? (Language == "en" ? word.En : word.Nl) : key;

    public string Format(string key, params object?[] args) => string.Format(System.Globalization.CultureInfo.InvariantCulture, this[key], args);

    public static Texts For(string? language) =>
        language is not null && language.StartsWith("en", StringComparison.OrdinalIgnoreCase) ? English : Dutch;
}
