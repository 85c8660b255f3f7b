namespace Leefkracht.Monitor.Validation;

/// <summary>
/// The well-known areas the validation reports with both verdicts: the kwetsbare wijken issue 14 names (Overvecht,
/// Kanaleneiland; Tarwewijk, Bloemhof, Hillesluis; Schilderswijk, Transvaal; the Bijlmer), the former krachtwijken
/// of the 2007 Vogelaar list where a wijk or buurt of 2024 matches them, and the historic centres of Utrecht and
/// Amsterdam. Rotterdam's and Utrecht's kwetsbare wijken are buurten in the CBS division (Rotterdam's CBS wijken are
/// whole districts such as Charlois), so they are listed as buurten. The list is the research's
/// (/work/research/yardstick/s07_kwetsbaar.py), matched to 2024 codes by name.
/// </summary>
public static class KnownAreas
{
    /// <summary>The areas, in the order they are reported.</summary>
    public static IReadOnlyList<(AreaCode Area, KnownAreaGroup Group)> All { get; } = [.. new (string Code, KnownAreaGroup Group)[]
    {
        ("WK034403", KnownAreaGroup.Named),
        ("BU03440322", KnownAreaGroup.Named),
        ("BU03440832", KnownAreaGroup.Named),
        ("BU03440831", KnownAreaGroup.Named),
        ("BU05991571", KnownAreaGroup.Named),
        ("BU05991081", KnownAreaGroup.Named),
        ("BU05991082", KnownAreaGroup.Named),
        ("WK051829", KnownAreaGroup.Named),
        ("WK051830", KnownAreaGroup.Named),
        ("WK0363TE", KnownAreaGroup.Named),
        ("WK0363TJ", KnownAreaGroup.Named),
        ("WK0363TB", KnownAreaGroup.Named),
        ("WK0363TG", KnownAreaGroup.Named),
        ("BU03440222", KnownAreaGroup.FormerKrachtwijk),
        ("BU05991086", KnownAreaGroup.FormerKrachtwijk),
        ("BU05991574", KnownAreaGroup.FormerKrachtwijk),
        ("BU05991572", KnownAreaGroup.FormerKrachtwijk),
        ("BU05990323", KnownAreaGroup.FormerKrachtwijk),
        ("BU05990321", KnownAreaGroup.FormerKrachtwijk),
        ("WK051827", KnownAreaGroup.FormerKrachtwijk),
        ("WK051836", KnownAreaGroup.FormerKrachtwijk),
        ("WK051833", KnownAreaGroup.FormerKrachtwijk),
        ("WK0363FB", KnownAreaGroup.FormerKrachtwijk),
        ("WK0363FC", KnownAreaGroup.FormerKrachtwijk),
        ("WK0363ED", KnownAreaGroup.FormerKrachtwijk),
        ("WK0363NK", KnownAreaGroup.FormerKrachtwijk),
        ("BU00140300", KnownAreaGroup.FormerKrachtwijk),
        ("BU00140301", KnownAreaGroup.FormerKrachtwijk),
        ("WK008050", KnownAreaGroup.FormerKrachtwijk),
        ("WK020204", KnownAreaGroup.FormerKrachtwijk),
        ("WK020205", KnownAreaGroup.FormerKrachtwijk),
        ("WK020216", KnownAreaGroup.FormerKrachtwijk),
        ("WK020207", KnownAreaGroup.FormerKrachtwijk),
        ("WK020210", KnownAreaGroup.FormerKrachtwijk),
        ("BU02680616", KnownAreaGroup.FormerKrachtwijk),
        ("BU02680321", KnownAreaGroup.FormerKrachtwijk),
        ("BU07724210", KnownAreaGroup.FormerKrachtwijk),
        ("WK077232", KnownAreaGroup.FormerKrachtwijk),
        ("WK047912", KnownAreaGroup.FormerKrachtwijk),
        ("WK060606", KnownAreaGroup.FormerKrachtwijk),
        ("WK015007", KnownAreaGroup.FormerKrachtwijk),
        ("BU01530100", KnownAreaGroup.FormerKrachtwijk),
        ("WK091732", KnownAreaGroup.FormerKrachtwijk),
        ("BU09350402", KnownAreaGroup.FormerKrachtwijk),
        ("WK036103", KnownAreaGroup.FormerKrachtwijk),
        ("WK030707", KnownAreaGroup.FormerKrachtwijk),
        ("WK040002", KnownAreaGroup.FormerKrachtwijk),
        ("WK050507", KnownAreaGroup.FormerKrachtwijk),
        ("WK050508", KnownAreaGroup.FormerKrachtwijk),
        ("WK062202", KnownAreaGroup.FormerKrachtwijk),
        ("WK085532", KnownAreaGroup.FormerKrachtwijk),
        ("WK034406", KnownAreaGroup.HistoricCentre),
        ("BU03440611", KnownAreaGroup.HistoricCentre),
        ("BU03440623", KnownAreaGroup.HistoricCentre),
        ("WK0363AD", KnownAreaGroup.HistoricCentre),
        ("WK0363AE", KnownAreaGroup.HistoricCentre),
        ("WK0363AC", KnownAreaGroup.HistoricCentre),
        ("WK0363AG", KnownAreaGroup.HistoricCentre),
    }.Select(a => (AreaCode.Parse(a.Code), a.Group))];
}
