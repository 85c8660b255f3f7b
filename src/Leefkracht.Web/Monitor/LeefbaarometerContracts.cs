using Leefkracht.Core.Leefbaarometer;
using Leefkracht.Monitor.Monitoring;

namespace Leefkracht.Web.Monitor;

/// <summary>
/// The official Leefbaarometer of an area, shown beside our score and never mixed into it: its latest measurement,
/// the series, and where it comes from.
/// </summary>
/// <param name="Source">The source line, "Leefbaarometer 3.0, Ministerie van BZK".</param>
/// <param name="Year">The year of the latest measurement.</param>
/// <param name="Score">The score on the Leefbaarometer's own scale (<c>lbm</c>).</param>
/// <param name="Deviation">The deviation from the edition's national reference (<c>afw</c>).</param>
/// <param name="Class">The class 1–9 on the derived bounds.</param>
/// <param name="ClassName">The class's name.</param>
/// <param name="ClassBasis">That the class bounds are derived, not official.</param>
/// <param name="Reference">The edition's reference, <c>lbm − afw</c>.</param>
/// <param name="Carry">How the value reached the area (for example <c>PC4 2018 → wijk 2024, pc6_huisnummer</c>), or null when published for it.</param>
/// <param name="Coverage">Share of the area's addresses in scored postcode areas.</param>
/// <param name="Purity">How much of the value comes from postcode areas inside the area.</param>
/// <param name="Dimensions">The dimension contributions (fys, onv, soc, vrz, won) of the latest year that has them, keyed by short name.</param>
/// <param name="DimensionsYear">The year of <paramref name="Dimensions"/>.</param>
/// <param name="Series">Every measured year, oldest first.</param>
/// <param name="Files">The imported files.</param>
/// <param name="Note">One sentence on what the number is and is not.</param>
public sealed record LeefbaarometerDto(
    string Source,
    int Year,
    double Score,
    double Deviation,
    int Class,
    string ClassName,
    string ClassBasis,
    double Reference,
    string? Carry,
    double Coverage,
    double Purity,
    IReadOnlyDictionary<string, double>? Dimensions,
    int? DimensionsYear,
    IReadOnlyList<LeefbaarometerPointDto> Series,
    IReadOnlyList<string> Files,
    string Note);

/// <summary>One measurement of the Leefbaarometer.</summary>
/// <param name="Year">The year.</param>
/// <param name="Score">The score (<c>lbm</c>).</param>
/// <param name="Deviation">The deviation (<c>afw</c>).</param>
/// <param name="Class">The class on the derived bounds.</param>
public sealed record LeefbaarometerPointDto(int Year, double Score, double Deviation, int Class);

/// <summary>Builds <see cref="LeefbaarometerDto"/>; its words are in UiText.resx (and the explain paragraph's in NoteWords.resx).</summary>
internal static class LeefbaarometerDtos
{
    /// <summary>The map layer's name.</summary>
    public static string LayerTitle(int year) => UiText.Words.Format("Lbm.LayerTitle", year);

    /// <summary>The words for the derived class bounds.</summary>
    public static string ClassBasis => UiText.Words["Lbm.ClassBasis"];

    /// <summary>The export columns of the official Leefbaarometer, after ours.</summary>
    public static IReadOnlyList<string> ExportColumns { get; } = ["lbm_year", "lbm_score", "lbm_deviation", "lbm_class", "lbm_class_name", "lbm_source"];

    /// <summary>The export cells of an area's latest Leefbaarometer value (empty when it has none).</summary>
    public static IReadOnlyList<object?> ExportCells(LeefbaarometerValue? value) => value is null
        ? [null, null, null, null, null, null]
        : [value.Year, Math.Round(value.Score, 4), Math.Round(value.Deviation, 4), value.Class, UiText.Words.Format("Lbm.ExportClassName", LeefbaarometerClasses.NameOf(value.Class)),
            value.CarriedFrom == LeefbaarometerUnit.Postcode ? $"{LeefbaarometerEdition.Source}; PC4 → {value.Area.Code.Level.ToString().ToLowerInvariant()} {value.Area.Year}" : LeefbaarometerEdition.Source];

    /// <summary>The area's Leefbaarometer, or null when it has none.</summary>
    public static LeefbaarometerDto? From(IReadOnlyList<LeefbaarometerValue> values, LeefbaarometerProvenance? provenance)
    {
        if (values.Count == 0 || provenance is null)
        {
            return null;
        }

        var latest = values[^1];
        var withDimensions = values.LastOrDefault(v => v.Dimensions is not null);
        var dimensions = withDimensions?.Dimensions is { } d
            ? LeefbaarometerDimensions.ShortNames.Zip(d.Values).ToDictionary(p => p.First, p => Math.Round(p.Second, 4))
            : null;
        var note = UiText.Words.Format("Lbm.Note", provenance.Source, LeefbaarometerText.Carried(provenance, latest), provenance.Reference.ToString("0.000000", ReportText.Numbers), ClassBasis);
        return new LeefbaarometerDto(
            provenance.Source,
            latest.Year,
            Math.Round(latest.Score, 4),
            Math.Round(latest.Deviation, 4),
            latest.Class,
            LeefbaarometerClasses.NameOf(latest.Class),
            ClassBasis,
            provenance.Reference,
            provenance.Carry,
            Math.Round(latest.Coverage, 4),
            Math.Round(latest.Purity, 4),
            dimensions,
            withDimensions?.Year,
            [.. values.Select(v => new LeefbaarometerPointDto(v.Year, Math.Round(v.Score, 4), Math.Round(v.Deviation, 4), v.Class))],
            provenance.Files,
            note);
    }
}
