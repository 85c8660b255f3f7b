using System.Globalization;
using Leefkracht.Data.Catalog;

namespace Leefkracht.Fetch.Tests;

/// <summary>Every column of a KWB year's table maps to the catalog: an indicator, structural, or knowingly ignored.</summary>
public sealed class ColumnMappingTests
{
    [Fact]
    public void Kwb2024_TheRealDataProperties_MapFully()
    {
        using var gzip = new System.IO.Compression.GZipStream(File.OpenRead(FakeSources.Fixture("kwb2024_85984NED_DataProperties.json.gz")), System.IO.Compression.CompressionMode.Decompress);
        using var json = new MemoryStream();
        gzip.CopyTo(json);

        var columns = StatLineColumns.Read(json.ToArray(), CatalogDocument.Default);

        columns.Unknown.Select(c => c.Property.Key).ShouldBeEmpty();
        columns.Columns.Count.ShouldBe(129);
        columns.IndicatorCount.ShouldBeGreaterThan(100);
        columns.Columns.Single(c => c.Property.Key == "AantalInwoners_5").Target.ShouldBe("population");
    }

    [Fact]
    public void Kwb2019_TheKeysOfTheRealTable_MapFully()
    {
        var keys = FakeSources.DenHaag2019()[0].Keys.Where(k => k != "ID")
            .Select(k => new StatLineProperty(k, k, k == "WijkenEnBuurten" ? "GeoDimension" : "Topic", null));

        var columns = StatLineColumns.Map(keys, CatalogDocument.Default);

        columns.Unknown.ShouldBeEmpty();
        columns.Columns.Count.ShouldBe(117);
    }

    /// <summary>
    /// The key lists of years whose DataProperties are not at hand, each from the public source named at the top of
    /// its file (Fixtures/Sources/kwb-keys): every key is an indicator, structural, or knowingly ignored.
    /// </summary>
    [Theory]
    [InlineData("kwb2013_82339NED_keys.txt", 123)]
    [InlineData("kwb2015_83220NED_keys.txt", 107)]
    [InlineData("kwb2017_83765NED_keys.txt", 109)]
    [InlineData("kwb2018_84286NED_keys.txt", 117)]
    [InlineData("kwb2020_84799NED_keys.txt", 29)]
    [InlineData("kwb2021_85039NED_keys.txt", 101)]
    [InlineData("kwb2021_85039NED_verbruik-release_keys.txt", 24)]
    [InlineData("kwb2022_85318NED_keys.txt", 118)]
    [InlineData("kwb2023_85618NED_first-release_keys.txt", 24)]
    [InlineData("kwb2023_85618NED_keys.txt", 127)]
    [InlineData("kwb2025_86165NED_keys.txt", 120)]
    public void AYearsDocumentedKeys_MapFully(string file, int keys)
    {
        var columns = StatLineColumns.Map(DocumentedKeys(file), CatalogDocument.Default);

        columns.Unknown.Select(c => c.Property.Key).ShouldBeEmpty();
        columns.Columns.Count.ShouldBe(keys);
        columns.Columns.Single(c => c.Property.Key.StartsWith("AantalInwoners_", StringComparison.Ordinal)).Target.ShouldBe("population");
    }

    /// <summary>
    /// KWB 2016 (83487NED), a selection of 54 keys: every key maps except <c>Koopwoning_62</c>. The full table has
    /// <c>Koopwoning</c> twice (electricity use in kWh, gas use in m3), and the selection holds only the second; a lone
    /// key of a stem that the catalog knows twice is not guessed by its number (<see cref="StatLineKeys"/>). The table
    /// itself, as the fetch reads it from its DataProperties, has both, and then they match by order — as the complete
    /// 2015 table (83220NED) shows with the same keys.
    /// </summary>
    [Fact]
    public void Kwb2016_TheSelection_MapsFully_ButTheLoneSecondKeyOfARepeatedStem()
    {
        var columns = StatLineColumns.Map(DocumentedKeys(2016), CatalogDocument.Default);

        columns.Unknown.Select(c => c.Property.Key).ShouldBe(["Koopwoning_62"]);
        columns.Columns.Count.ShouldBe(54);
        Target(columns, "AantalInwoners_5").ShouldBe("population");
        Target(columns, "Huurwoning_61").ShouldBe("gas_rented");
        columns.Columns.Single(c => c.Property.Key == "Motortweewielers_94").Fate.ShouldBe(ColumnFate.Ignored);

        var inTheWholeTable = StatLineColumns.Map(DocumentedKeys(2015), CatalogDocument.Default);
        Target(inTheWholeTable, "Koopwoning_62").ShouldBe("gas_owned");
    }

    /// <summary>
    /// KWB 2015 (83220NED) from its real DataProperties: the units there (kWh, m3) say which of a repeated stem is
    /// electricity and which is gas, and the mapping by order agrees with them.
    /// </summary>
    [Fact]
    public void Kwb2015_TheRepeatedStems_MapToTheSeriesTheirUnitsName()
    {
        var columns = StatLineColumns.Map(DocumentedKeys(2015), CatalogDocument.Default);

        (string Key, string Indicator)[] expected =
        [
            ("Appartement_48", "electricity_apartment"), ("Koopwoning_54", "electricity_owned"),
            ("Appartement_56", "gas_apartment"), ("Huurwoning_61", "gas_rented"), ("Koopwoning_62", "gas_owned"),
            ("GeboorteRelatief_25", "births_per_1000"), ("Actieven1575Jaar_69", "active_15_75_pct"),
            ("PersonenautoSJongerDan6Jaar_87", "cars_younger_6y"), ("Motorfietsen_94", "motorcycles"),
        ];
        foreach (var (key, indicator) in expected)
        {
            (key, Target(columns, key)).ShouldBe((key, indicator));
        }

        columns.IndicatorCount.ShouldBeGreaterThan(90);
    }

    /// <summary>
    /// KWB 2014 (82931NED): the only public source names two keys, and its birth-rate key carries 2013's number
    /// (<c>GeboorteRelatief_24</c>), one lower than from 2015 on; it still reaches the same indicator.
    /// </summary>
    [Fact]
    public void Kwb2014_TheTwoDocumentedKeys_Map_AndTheOldNumberReachesTheSameIndicator()
    {
        var columns = StatLineColumns.Map(DocumentedKeys(2014), CatalogDocument.Default);

        columns.Unknown.ShouldBeEmpty();
        columns.Columns.Select(c => c.Property.Key).ShouldBe(["WijkenEnBuurten", "GeboorteRelatief_24"]);
        columns.Columns[0].Fate.ShouldBe(ColumnFate.Structural);
        Target(columns, "GeboorteRelatief_24").ShouldBe("births_per_1000");
        columns.CatalogNames["GeboorteRelatief_24"].ShouldNotBe("GeboorteRelatief_24");
    }

    /// <summary>
    /// The core columns of every year with a key list reach the same indicator, whatever their number that year: the
    /// key of a stem in the year's list maps to the indicator the 2024 codebook gives that stem (checked where the
    /// year has the stem; the selections of 2016, 2020, 2021, 2025 and the first release of 2023 hold a part of them,
    /// and the count says how many).
    /// </summary>
    [Theory]
    [InlineData("kwb2013_82339NED_keys.txt", 13)]
    [InlineData("kwb2015_83220NED_keys.txt", 14)]
    [InlineData("kwb2016_83487NED_keys.txt", 9)]
    [InlineData("kwb2017_83765NED_keys.txt", 14)]
    [InlineData("kwb2018_84286NED_keys.txt", 14)]
    [InlineData("kwb2020_84799NED_keys.txt", 7)]
    [InlineData("kwb2021_85039NED_keys.txt", 14)]
    [InlineData("kwb2021_85039NED_verbruik-release_keys.txt", 3)]
    [InlineData("kwb2022_85318NED_keys.txt", 14)]
    [InlineData("kwb2023_85618NED_first-release_keys.txt", 12)]
    [InlineData("kwb2023_85618NED_keys.txt", 14)]
    [InlineData("kwb2025_86165NED_keys.txt", 13)]
    public void AYearsCoreColumns_MapToTheirIndicator(string file, int coreColumns)
    {
        (string Stem, string Indicator)[] core =
        [
            ("AantalInwoners", "population"), ("k_0Tot15Jaar", "age_0_14"), ("k_65JaarOfOuder", "age_65_plus"),
            ("HuishoudensTotaal", "households"), ("GemiddeldeHuishoudensgrootte", "household_size"),
            ("GemiddeldeWOZWaardeVanWoningen", "woz_mean"), ("GemiddeldeWoningwaarde", "woz_mean"),
            ("Koopwoningen", "dwellings_owner_occupied_pct"), ("HuurwoningenTotaal", "dwellings_rented_pct"),
            ("GemiddeldInkomenPerInwoner", "income_per_inhabitant"), ("GemiddeldInkomenPerInkomensontvanger", "income_per_recipient"),
            ("HuishOnderOfRondSociaalMinimum", "households_social_minimum_pct"),
            ("PersonenPerSoortUitkeringBijstand", "benefits_social_assistance"),
            ("AfstandTotGroteSupermarkt", "distance_supermarket"), ("MateVanStedelijkheid", "urbanity"),
        ];
        var columns = StatLineColumns.Map(DocumentedKeys(file), CatalogDocument.Default);
        var found = 0;
        foreach (var (stem, indicator) in core)
        {
            var column = columns.Columns.SingleOrDefault(c => c.Property.Key.StartsWith(stem + "_", StringComparison.Ordinal));
            if (column is not null)
            {
                (column.Property.Key, column.Target).ShouldBe((column.Property.Key, indicator));
                found++;
            }
        }

        found.ShouldBe(coreColumns);
    }

    /// <summary>
    /// The lists called complete are the whole table: StatLine numbers a table's topics 1, 2, 3, … in order, so a
    /// complete list holds the region dimension and every number from 1 to its last, without a gap (a selection has
    /// gaps: the keys its sources do not name).
    /// </summary>
    [Theory]
    [InlineData("kwb2013_82339NED_keys.txt", 122)]
    [InlineData("kwb2015_83220NED_keys.txt", 106)]
    [InlineData("kwb2017_83765NED_keys.txt", 108)]
    [InlineData("kwb2018_84286NED_keys.txt", 116)]
    [InlineData("kwb2022_85318NED_keys.txt", 117)]
    [InlineData("kwb2023_85618NED_keys.txt", 126)]
    public void ACompleteYearsKeys_AreTheRegionAndEveryTopicNumber_WithoutAGap(string file, int topics)
    {
        var keys = DocumentedKeys(file).Select(p => p.Key).ToList();

        keys.Where(k => !char.IsAsciiDigit(k[^1])).ShouldHaveSingleItem().ShouldBeOneOf("RegioS", "WijkenEnBuurten");
        keys.Where(k => char.IsAsciiDigit(k[^1]))
            .Select(k => int.Parse(k.AsSpan(k.LastIndexOf('_') + 1), CultureInfo.InvariantCulture))
            .Order().ShouldBe(Enumerable.Range(1, topics));
    }

    /// <summary>
    /// KWB 2025 (86165NED) names topics the catalog does not use: the poverty counts (PersonenInArmoede,
    /// PersonenTot25BovenArmoedegrens) and the energy-transition counts (Aardgaswoningen, AardgasvrijeWoningen) are
    /// knowingly ignored, not reported as unknown and not guessed into another indicator.
    /// </summary>
    [Fact]
    public void Kwb2025_TheNewTopics_AreKnowinglyIgnored()
    {
        var columns = StatLineColumns.Map(DocumentedKeys(2025), CatalogDocument.Default);

        foreach (var key in new[] { "PersonenInArmoede_81", "PersonenTot25BovenArmoedegrens_82", "Aardgaswoningen_58", "AardgasvrijeWoningen_57" })
        {
            (key, columns.Columns.Single(c => c.Property.Key == key).Fate).ShouldBe((key, ColumnFate.Ignored));
        }

        Target(columns, "k_20PersonenMetHoogsteInkomen_80").ShouldBe("persons_highest_20pct_income_pct");
        Target(columns, "GemiddeldInkomenPerInwoner_78").ShouldBe("income_per_inhabitant");
    }

    /// <summary>
    /// KWB 2023 as CBS revised it (85618NED) has the labour columns under their full keys
    /// (<c>WerknemersMetVasteArbeidsrelatie_76</c>), where 2025 shortens them (<c>WerknemersMetVasteArbeidsr_73</c>); both
    /// are the same labour-market detail, knowingly ignored, and the net labour participation beside them still maps.
    /// </summary>
    [Fact]
    public void Kwb2023_TheLabourColumnsUnderTheirFullKeys_AreKnowinglyIgnored()
    {
        var columns = StatLineColumns.Map(DocumentedKeys("kwb2023_85618NED_keys.txt"), CatalogDocument.Default);

        columns.Columns.Single(c => c.Property.Key == "WerknemersMetVasteArbeidsrelatie_76").Fate.ShouldBe(ColumnFate.Ignored);
        columns.Columns.Single(c => c.Property.Key == "WerknemersMetFlexibeleArbeidsrelatie_77").Fate.ShouldBe(ColumnFate.Ignored);
        Target(columns, "Nettoarbeidsparticipatie_74").ShouldBe(Target(StatLineColumns.Map(DocumentedKeys(2025), CatalogDocument.Default), "Nettoarbeidsparticipatie_71"));
        Target(columns, "Nettoarbeidsparticipatie_74").ShouldNotBeNull();
    }

    /// <summary>
    /// KWB 2021 (85039NED) is read by two public sources under two titles of its column 47, the average electricity of a
    /// dwelling: <c>GemiddeldElektriciteitsverbruikTotaal_47</c> ("verbruik", as the 2019 table has it) and
    /// <c>GemiddeldeElektriciteitsleveringTotaal_47</c> ("levering", as the 2022 table has it). Both releases reach the
    /// same indicator, and the energy block beside it (each dwelling type and tenure twice, electricity then gas) maps to
    /// the series of its unit, as in the complete 2015 and 2022 tables.
    /// </summary>
    [Fact]
    public void Kwb2021_Column47_UnderEitherTitle_ReachesTheSameIndicator_AndTheEnergyBlockItsSeries()
    {
        var levering = StatLineColumns.Map(DocumentedKeys("kwb2021_85039NED_keys.txt"), CatalogDocument.Default);
        var verbruik = StatLineColumns.Map(DocumentedKeys("kwb2021_85039NED_verbruik-release_keys.txt"), CatalogDocument.Default);

        Target(levering, "GemiddeldeElektriciteitsleveringTotaal_47").ShouldBe("electricity_mean");
        Target(verbruik, "GemiddeldElektriciteitsverbruikTotaal_47").ShouldBe("electricity_mean");
        (string Key, string Indicator)[] energy =
        [
            ("Appartement_48", "electricity_apartment"), ("EigenWoning_54", "electricity_owned"),
            ("Appartement_56", "gas_apartment"), ("Huurwoning_61", "gas_rented"), ("EigenWoning_62", "gas_owned"),
        ];
        foreach (var (key, indicator) in energy)
        {
            (key, Target(levering, key), Target(verbruik, key)).ShouldBe((key, indicator, indicator));
        }

        var complete2022 = StatLineColumns.Map(DocumentedKeys(2022), CatalogDocument.Default);
        foreach (var column in verbruik.Columns.Where(c => c.Fate == ColumnFate.Indicator && !c.Property.Key.StartsWith("GemiddeldElektriciteitsverbruik", StringComparison.Ordinal)))
        {
            (column.Property.Key, column.Target).ShouldBe((column.Property.Key, Target(complete2022, column.Property.Key)));
        }
    }

    /// <summary>
    /// Every KWB year has its keys from a public source (see kwb-keys/README.md), and each key file is for the table
    /// its name says: the table id in the file name is the one the fetch uses for that year.
    /// </summary>
    [Fact]
    public void EveryYear_HasAKeyListOfItsOwnTable()
    {
        var files = Directory.GetFiles(FakeSources.Fixture("kwb-keys"), "kwb*_keys.txt").Select(f => Path.GetFileName(f)).ToList();
        var listed = files.Select(f => int.Parse(f.AsSpan(3, 4), CultureInfo.InvariantCulture))
            .Concat([2019, 2024]); // the real Den Haag table and the real codebook, tested above

        KwbTables.Years.Except(listed).ShouldBeEmpty();
        foreach (var file in files)
        {
            var year = int.Parse(file.AsSpan(3, 4), CultureInfo.InvariantCulture);
            (file, file.Split('_')[1]).ShouldBe((file, KwbTables.For(year)));
        }
    }

    [Fact]
    public void Kwb2013_RenumberedKeys_MapByStem_AndRepeatedStemsByOrder()
    {
        var columns = StatLineColumns.Map(DocumentedKeys(2013), CatalogDocument.Default);

        Target(columns, "AantalInwoners_4").ShouldBe("population");
        Target(columns, "GemiddeldeWoningwaarde_34").ShouldBe(Target(StatLineColumns.Map(DocumentedKeys(2017), CatalogDocument.Default), "GemiddeldeWoningwaarde_35"));
        // The first Appartement is electricity use, the second gas use, as in every year.
        Target(columns, "Appartement_47").ShouldBe(CatalogDocument.Default.Catalog.TryResolveColumn("Appartement_54", out var electricity) ? electricity.IndicatorId : null);
        Target(columns, "Appartement_55").ShouldBe(CatalogDocument.Default.Catalog.TryResolveColumn("Appartement_62", out var gas) ? gas.IndicatorId : null);
        Target(columns, "Appartement_47").ShouldNotBe(Target(columns, "Appartement_55"));
        columns.CatalogNames["AantalInwoners_4"].ShouldBe("AantalInwoners_5");
    }

    /// <summary>
    /// The income block of 2013 (82339NED) under its old titles is the same series as the later one: CBS keeps the
    /// variable's code in the KWB files (p_ink_li, p_ink_hi, p_hh_li, p_hh_hi, p_hh_lkk, p_hh_osm), the position in
    /// the topic group and the unit (x 1 000 euro, %). "Huishoudens met lage koopkracht" (p_hh_lkk) is the old title of
    /// "Huishoudens met een laag inkomen" (below CBS's low-income threshold, a fixed purchasing power); the share of
    /// non-active inhabitants has no later counterpart and stays ignored.
    /// </summary>
    [Fact]
    public void Kwb2013_IncomeColumns_MapToTheSeriesCbsContinues()
    {
        var columns = StatLineColumns.Map(DocumentedKeys(2013), CatalogDocument.Default);

        Target(columns, "AantalInkomensontvangers_63").ShouldBe("income_recipients");
        Target(columns, "GemiddeldInkomenPerInkomensontvanger_64").ShouldBe("income_per_recipient");
        Target(columns, "GemiddeldInkomenPerInwoner_65").ShouldBe("income_per_inhabitant");
        Target(columns, "PersonenMetLaagInkomen_66").ShouldBe("persons_lowest_40pct_income_pct");
        Target(columns, "PersonenMetHoogInkomen_67").ShouldBe("persons_highest_20pct_income_pct");
        Target(columns, "HuishoudensMetLaagInkomen_69").ShouldBe("households_lowest_40pct_income_pct");
        Target(columns, "HuishoudensMetHoogInkomen_70").ShouldBe("households_highest_20pct_income_pct");
        Target(columns, "HuishoudensMetLageKoopkracht_71").ShouldBe("households_low_income_pct");
        Target(columns, "HuishOnderOfRondSociaalMinimum_72").ShouldBe("households_social_minimum_pct");
        Target(columns, "PersonenMetEenWWBUitkeringTotaal_73").ShouldBe("benefits_social_assistance");
        columns.Columns.Single(c => c.Property.Key == "NietActieven_68").Fate.ShouldBe(ColumnFate.Ignored);
        CatalogDocument.Default.Catalog.TryGet("income_per_inhabitant", out var income).ShouldBeTrue();
        income.Unit.ShouldBe(Leefkracht.Core.Indicators.IndicatorUnit.ThousandEuro);
    }

    [Fact]
    public void AKeyNoYearHad_StaysUnknown_AndIsReported()
    {
        var keys = DocumentedKeys(2017).Append(new StatLineProperty("NieuwOnderwerp_130", "Nieuw onderwerp", "Topic", null));

        var columns = StatLineColumns.Map(keys, CatalogDocument.Default);

        columns.Unknown.Select(c => c.Property.Key).ShouldBe(["NieuwOnderwerp_130"]);
    }

    [Fact]
    public void EveryYear_2013To2025_HasATable()
    {
        KwbTables.Years.ShouldBe(Enumerable.Range(2013, 13));
        KwbTables.For(2019).ShouldBe("84583NED");
        KwbTables.For(2024).ShouldBe("85984NED");
        KwbTables.For(2012).ShouldBeNull();
    }

    private static string? Target(StatLineColumns columns, string key) => columns.Columns.Single(c => c.Property.Key == key).Target;

    /// <summary>A year's documented keys; the region dimension (RegioS or WijkenEnBuurten) as the GeoDimension it is.</summary>
    private static IEnumerable<StatLineProperty> DocumentedKeys(int year) =>
        DocumentedKeys(Path.GetFileName(Directory.GetFiles(FakeSources.Fixture("kwb-keys"), $"kwb{year}_*NED_keys.txt").Single()));

    private static IEnumerable<StatLineProperty> DocumentedKeys(string file) =>
        File.ReadLines(Path.Combine(FakeSources.Fixture("kwb-keys"), file))
            .Where(l => l.Length > 0 && !l.StartsWith('#'))
            .Select(k => new StatLineProperty(k, k, k is "RegioS" or "WijkenEnBuurten" ? "GeoDimension" : "Topic", null));
}
