using Leefkracht.Core.Indicators;
using Leefkracht.Core.Indices;
using Leefkracht.Monitor.Monitoring;

namespace Leefkracht.Web.Monitor;

/// <summary>Turns the engine's records into the API's contracts (the contracts are not the core types).</summary>
internal static class Dtos
{
    /// <summary>The model's dimension short names in model order (the columns of a score table).</summary>
    public static IReadOnlyList<string> DimensionIds => [.. DashboardMonitor.Model.Dimensions.Select(d => DimensionNames.ShortName(d.Dimension))];

    public static string LevelName(AreaLevel level) => level switch
    {
        AreaLevel.Gemeente => "gemeente",
        AreaLevel.Wijk => "wijk",
        AreaLevel.Buurt => "buurt",
        _ => "land",
    };

    public static string UnitName(IndicatorUnit unit) => unit switch
    {
        IndicatorUnit.Percent => "percent",
        IndicatorUnit.ThousandEuro => "thousand-euro",
        IndicatorUnit.PerThousandInhabitants => "per-1000-inhabitants",
        IndicatorUnit.PerSquareKilometre => "per-km2",
        IndicatorUnit.PerHousehold => "per-household",
        IndicatorUnit.Kilometre => "km",
        IndicatorUnit.Hectare => "ha",
        IndicatorUnit.KilowattHour => "kwh",
        IndicatorUnit.CubicMetre => "m3",
        IndicatorUnit.Score => "score",
        IndicatorUnit.Code => "code",
        _ => "count",
    };

    public static AreaDto Area(AreaKey key, AreaIndex areas)
    {
        var gemeente = key.Code.Level is AreaLevel.Wijk or AreaLevel.Buurt ? key.Code.Gemeente : null;
        var wijk = key.Code.Level == AreaLevel.Buurt ? key.Code.Parent : null;
        return new AreaDto(
            key.Code.Value,
            areas.NameOf(key),
            LevelName(key.Code.Level),
            key.Year,
            gemeente is { } g ? new AreaRefDto(g.Value, areas.NameOf(new AreaKey(g, key.Year))) : null,
            wijk is { } w ? new AreaRefDto(w.Value, areas.NameOf(new AreaKey(w, key.Year))) : null);
    }

    public static ScoreDto Score(LivabilityScore score, ScoredYear scored) => new(
        Round(score.Deviation),
        score.Class,
        score.Class is { } c ? scored.Model.Classes.NameOf(c) : null,
        score.Deviation is { } d ? Math.Round(scored.PercentileOf(d), 1) : null,
        Math.Round(score.Coverage, 3),
        score.NotScoredReason,
        score is { Uncertainty: { } u, Deviation: { } deviation }
            ? new UncertaintyDto(u.Estimated, Math.Round(deviation - u.HalfWidth95, 4), Math.Round(deviation + u.HalfWidth95, 4))
            : null,
        scored.NowcastOf(score) is { } n
            ? new NowcastDto(
                UiText.NowcastLabel, n.Target, n.LatestMeasurement, Math.Round(n.Estimate, 3), Math.Round(n.Low90, 3), Math.Round(n.High90, 3),
                n.Class, scored.Model.Classes.NameOf(n.Class), n.ClassLow90, n.ClassHigh90)
            : null);

    public static IReadOnlyDictionary<string, double> Dimensions(LivabilityScore score) =>
        score.Dimensions.ToDictionary(d => DimensionNames.ShortName(d.Dimension), d => Math.Round(d.Contribution, 4), StringComparer.Ordinal);

    public static ComparedScoreDto? Compared(ScoredYear scored, AreaCode? code, int division, AreaIndex areas)
    {
        if (code is not { } c)
        {
            return null;
        }

        var score = scored.ScoreOf(new AreaKey(c, division)) ?? scored.ScoreOf(c);
        return score is null
            ? null
            : new ComparedScoreDto(c.Value, areas.NameOf(score.Area), Round(score.Deviation), score.Class, score.Class is { } k ? scored.Model.Classes.NameOf(k) : null, Dimensions(score));
    }

    public static double? Round(double? value, int digits = 4) => value is { } v && double.IsFinite(v) ? Math.Round(v, digits) : null;
}
