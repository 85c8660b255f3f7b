using Leefkracht.Core.Leefbaarometer;

namespace Leefkracht.Monitor.Validation;

/// <summary>The levels the validation compares at.</summary>
public enum ValidationLevel
{
    /// <summary>Four-digit postcode areas: the Leefbaarometer's own open-data unit.</summary>
    Postcode,

    /// <summary>CBS wijken (the Leefbaarometer carried from PC4 by addresses).</summary>
    Wijk,

    /// <summary>Gemeenten (likewise).</summary>
    Gemeente,
}

/// <summary>What is compared with the Leefbaarometer.</summary>
public enum AgreementSubject
{
    /// <summary>A livability model.</summary>
    Model,

    /// <summary>A single indicator, as a yardstick of its own.</summary>
    Indicator,
}

/// <summary>How the compared scores relate to the target they are compared with.</summary>
public enum AgreementSample
{
    /// <summary>Each area scored by a model fitted without its gemeente (leave-whole-gemeenten-out).</summary>
    OutOfSample,

    /// <summary>Each area scored by the model fitted on all areas (the shipped model).</summary>
    InSample,

    /// <summary>Fitted on an earlier Leefbaarometer measurement (and without the area's gemeente), compared with the later one.</summary>
    OutOfTime,

    /// <summary>Nothing was fitted to the Leefbaarometer (the hand-set model, a single indicator).</summary>
    NotFitted,
}

/// <summary>Spearman's ρ and Pearson's r between a score and the Leefbaarometer's <c>afw</c>.</summary>
/// <param name="Spearman">Rank correlation.</param>
/// <param name="Pearson">Linear correlation.</param>
/// <param name="Areas">The number of areas compared.</param>
public sealed record Agreement(double Spearman, double Pearson, int Areas);

/// <summary>One row of the agreement table.</summary>
/// <param name="Subject">A model or an indicator.</param>
/// <param name="Id">The model or indicator id.</param>
/// <param name="Sample">How the scores relate to the target.</param>
/// <param name="ByLevel">The agreement per level (a level is missing when nothing could be compared there).</param>
public sealed record AgreementRow(AgreementSubject Subject, string Id, AgreementSample Sample, IReadOnlyDictionary<ValidationLevel, Agreement> ByLevel);

/// <summary>The out-of-sample agreement on a subset of the wijken.</summary>
/// <param name="Subset">Which wijken: <c>purity</c> (at least half of the Leefbaarometer value from postcodes inside the wijk) or <c>large</c> (at least 5,000 inhabitants).</param>
/// <param name="Agreement">The agreement.</param>
public sealed record SubsetAgreement(string Subset, Agreement Agreement);

/// <summary>What one group of indicators (those of one dimension) adds, out of sample.</summary>
/// <param name="Dimension">The dimension whose indicators form the group.</param>
/// <param name="Alone">The agreement per level of a model fitted on this group only.</param>
/// <param name="WithoutIt">The agreement per level of a model fitted on every other indicator.</param>
public sealed record GroupAgreement(LivabilityDimension Dimension, IReadOnlyDictionary<ValidationLevel, Agreement> Alone, IReadOnlyDictionary<ValidationLevel, Agreement> WithoutIt);

/// <summary>Which list a well-known area comes from.</summary>
public enum KnownAreaGroup
{
    /// <summary>Named in issue 14 as a kwetsbare wijk every user knows.</summary>
    Named,

    /// <summary>A former krachtwijk (the 40 wijken of the 2007 Vogelaar list), where the area is a wijk or buurt of today.</summary>
    FormerKrachtwijk,

    /// <summary>A historic city centre, which must not come out among the weakest.</summary>
    HistoricCentre,
}

/// <summary>A well-known area with both verdicts and its rank within its gemeente under each.</summary>
/// <param name="Area">The wijk or buurt.</param>
/// <param name="Name">Its name.</param>
/// <param name="Group">Why it is listed.</param>
/// <param name="Inhabitants">Its inhabitants.</param>
/// <param name="LbmDeviation">The Leefbaarometer's <c>afw</c> (a buurt: its most common postcode's).</param>
/// <param name="OurDeviation">Our out-of-sample score on the same scale.</param>
/// <param name="LbmRank">Rank within the gemeente's areas of the same level as a share (0.1: the weakest of ten) under the Leefbaarometer.</param>
/// <param name="OurRank">The same under our score.</param>
/// <param name="Peers">The number of areas of the gemeente and level ranked.</param>
public sealed record KnownAreaVerdict(AreaCode Area, string? Name, KnownAreaGroup Group, double Inhabitants, double LbmDeviation, double OurDeviation, double LbmRank, double OurRank, int Peers)
{
    /// <summary>The Leefbaarometer's class (derived bounds).</summary>
    public int LbmClass => LeefbaarometerClasses.ClassOf(LbmDeviation);

    /// <summary>Our class on the same bounds.</summary>
    public int OurClass => LeefbaarometerClasses.ClassOf(OurDeviation);
}

/// <summary>A wijk where our out-of-sample score and the Leefbaarometer disagree most, with what explains it.</summary>
/// <param name="Area">The wijk.</param>
/// <param name="Name">Its name.</param>
/// <param name="Inhabitants">Its inhabitants.</param>
/// <param name="LbmDeviation">The Leefbaarometer's <c>afw</c>.</param>
/// <param name="OurDeviation">Our out-of-sample score.</param>
/// <param name="Purity">How much of the Leefbaarometer value comes from postcodes lying inside the wijk.</param>
/// <param name="Indicator">Our indicator whose contribution pushes furthest in the direction of our error.</param>
/// <param name="Contribution">Its contribution βₖzₖ.</param>
/// <param name="LbmDimension">The Leefbaarometer dimension (fys, onv, soc, vrz, won) furthest in the direction of their verdict; null when the year has no dimensions.</param>
/// <param name="LbmDimensionValue">Its value.</param>
public sealed record Disagreement(AreaCode Area, string? Name, double Inhabitants, double LbmDeviation, double OurDeviation, double Purity, string Indicator, double Contribution, string? LbmDimension, double LbmDimensionValue)
{
    /// <summary>The Leefbaarometer minus us: positive where the Leefbaarometer judges the wijk better.</summary>
    public double Difference => LbmDeviation - OurDeviation;
}

/// <summary>The validation of our livability scores against the Leefbaarometer (docs/validation.md).</summary>
/// <param name="Period">The year of our indicators.</param>
/// <param name="TargetYear">The Leefbaarometer measurement compared with.</param>
/// <param name="EarlierTargetYear">The earlier measurement of the out-of-time check, if the store has one.</param>
/// <param name="ModelId">The calibrated model validated out of sample.</param>
/// <param name="Agreements">The agreement table.</param>
/// <param name="WijkSubsets">Out-of-sample agreement on subsets of the wijken.</param>
/// <param name="Groups">What each indicator group adds (out of sample).</param>
/// <param name="Confusion">Our out-of-sample class against the Leefbaarometer's, wijken.</param>
/// <param name="KnownAreas">The well-known areas.</param>
/// <param name="Disagreements">The largest disagreements (wijken with at least 1,000 inhabitants).</param>
/// <param name="Refit">The fit on all postcode areas, which <c>model fit --target lbm</c> writes.</param>
/// <param name="FoldLambdas">The penalty factor each outer fold chose.</param>
public sealed record ValidationReport(
    int Period,
    int TargetYear,
    int? EarlierTargetYear,
    string ModelId,
    IReadOnlyList<AgreementRow> Agreements,
    IReadOnlyList<SubsetAgreement> WijkSubsets,
    IReadOnlyList<GroupAgreement> Groups,
    ConfusionTable Confusion,
    IReadOnlyList<KnownAreaVerdict> KnownAreas,
    IReadOnlyList<Disagreement> Disagreements,
    CalibratedFit Refit,
    IReadOnlyList<double> FoldLambdas)
{
    /// <summary>The agreement of one subject and sample at one level, if reported.</summary>
    public Agreement? Of(string id, AgreementSample sample, ValidationLevel level) =>
        Agreements.FirstOrDefault(a => a.Id == id && a.Sample == sample)?.ByLevel.GetValueOrDefault(level);
}
