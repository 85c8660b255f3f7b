namespace Leefkracht.Data.Tests.Infrastructure;

/// <summary>Runs a reader on a sample file, with or without known areas.</summary>
internal static class Readers
{
    public static ImportBatch Read(IImportReader reader, string sample, IEnumerable<Area>? known = null, ImportOptions? options = null) =>
        reader.Read(SourceFile.Read(TestData.Sample(sample)), Context(known, options), TestContext.Current.CancellationToken);

    public static ImportBatch ReadText(IImportReader reader, string fileName, string text, IEnumerable<Area>? known = null, ImportOptions? options = null) =>
        reader.Read(SourceFile.FromBytes(fileName, System.Text.Encoding.UTF8.GetBytes(text)), Context(known, options), TestContext.Current.CancellationToken);

    public static ImportContext Context(IEnumerable<Area>? known = null, ImportOptions? options = null) =>
        new(CatalogDocument.Default, new AreaDirectory(known ?? []), options ?? new ImportOptions());

    /// <summary>The areas of the national 2024 KWB (18,309 gemeenten, wijken and buurten, with names).</summary>
    public static IReadOnlyList<Area> National2024 => NationalAreas.Value;

    private static readonly Lazy<IReadOnlyList<Area>> NationalAreas = new(() =>
        new Leefkracht.Data.Import.Tables.WideTableReader().Read(
            SourceFile.Read(TestData.Sample("national/kwb2024_selection_crime_health_nl_all_buurten.csv.gz")),
            Context(),
            CancellationToken.None).Areas);

    public static double Value(this ImportBatch batch, string code, string indicator, int? period = null) =>
        batch.Observations.Single(o => o.Area.Code.Value == code && o.IndicatorId == indicator && (period is null || o.Period == period)).Value;
}
