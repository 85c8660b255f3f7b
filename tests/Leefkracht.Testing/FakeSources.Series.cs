using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Http;

namespace Leefkracht.Testing;

/// <summary>
/// The third-party StatLine tables (dataderden.cbs.nl) in the fake feed: police crimes per month (47022NED) and RIVM
/// health estimates (50150NED), with their dimensions (<c>SoortMisdrijf</c>, <c>Leeftijd</c>, <c>Marges</c>,
/// <c>WijkenEnBuurten</c>, <c>Perioden</c>) as <c>TypedDataSet</c> columns with StatLine's padding, and the filter the
/// client sends: <c>substringof('x',Column)</c> and <c>Column eq 'x'</c> clauses joined by <c>and</c>.
/// </summary>
public sealed partial class FakeSources
{
    /// <summary>The real police totals per area and year (politie via CBS 47022NED, the bundled sample file).</summary>
    public const string PoliceSample = "national/politie_47022NED_misdrijven_totaal_per_jaar_2021-2025.csv.gz";

    /// <summary>The real RIVM estimates per area and year (RIVM via CBS 50150NED, the bundled sample file).</summary>
    public const string HealthSample = "national/rivm_50150NED_goed_ervaren_gezondheid_2012-2024.csv.gz";

    private readonly Dictionary<string, SeriesTable> _series = new(StringComparer.Ordinal);

    /// <summary>CBS's name of every area of the 2024 division, by code (the bundled KWB 2024 selection).</summary>
    private static readonly Lazy<Dictionary<string, string>> Names2024 = new(() =>
        SampleRows(Kwb2024Selection).ToDictionary(r => r["code"], r => r["name"], StringComparer.Ordinal));

    /// <summary>The rows of a bundled sample CSV (plain or gzip) by header.</summary>
    public static IReadOnlyList<Dictionary<string, string>> SampleRows(string relativePath) => ReadCsv(TestData.Sample(relativePath));

    /// <summary>
    /// Serves 47022NED for the areas of <paramref name="gemeenten"/> made from the real yearly totals: each total split
    /// into twelve months that add up to it (the split is the fake's; only the sums are the police's), under
    /// <c>SoortMisdrijf</c> <c>0.0.0</c>, beside a second kind of crime (<c>1.1.1</c>, a third of the total) that
    /// a client must not add in. <paramref name="months"/> limits how many months of <paramref name="lastYear"/> exist.
    /// </summary>
    public void ServePolice(IReadOnlyCollection<string> gemeenten, int lastYear = 2025, int months = 12)
    {
        var rows = new List<JsonObject>();
        foreach (var row in SampleRows(PoliceSample).Where(r => gemeenten.Contains(r["gm_code"])))
        {
            var year = int.Parse(row["jaar"], CultureInfo.InvariantCulture);
            var total = int.Parse(row["geregistreerde_misdrijven_totaal"], CultureInfo.InvariantCulture);
            for (var month = 1; month <= (year == lastYear ? months : 12) && year <= lastYear; month++)
            {
                // Month m gets total/12, the remainder spread over the first months: the twelve add up to the total.
                var share = (total / 12) + (month <= total % 12 ? 1 : 0);
                foreach (var (kind, value) in new[] { ("0.0.0 ", share), ("1.1.1 ", share / 3) })
                {
                    rows.Add(new JsonObject
                    {
                        ["ID"] = rows.Count,
                        ["SoortMisdrijf"] = kind,
                        ["WijkenEnBuurten"] = row["code"].PadRight(10),
                        ["Perioden"] = string.Create(CultureInfo.InvariantCulture, $"{year}MM{month:00}"),
                        ["GeregistreerdeMisdrijven_1"] = value,
                    });
                }
            }
        }

        _series["47022NED"] = new SeriesTable(Properties(("SoortMisdrijf", "Dimension"), ("WijkenEnBuurten", "GeoDimension"), ("Perioden", "TimeDimension"), ("GeregistreerdeMisdrijven_1", "Topic")), rows);
    }

    /// <summary>
    /// Serves 50150NED for the areas of <paramref name="gemeenten"/> from the real estimates (adults, <c>Marges</c>
    /// <c>MW00000</c>), beside a 95 % lower and upper bound (the estimate ∓ 2, the fake's) and an age group the client
    /// must leave out (65+, the estimate + 5, the fake's).
    /// </summary>
    public void ServeHealth(IReadOnlyCollection<string> gemeenten)
    {
        var rows = new List<JsonObject>();
        foreach (var row in SampleRows(HealthSample).Where(r => gemeenten.Contains(r["gm_code"])))
        {
            var estimate = double.Parse(row["goed_ervaren_gezondheid_pct"], CultureInfo.InvariantCulture);
            foreach (var (age, margin, value) in new[] { ("20300", "MW00000", estimate), ("20300", "MOG0095", estimate - 2), ("20300", "MBG0095", estimate + 2), ("53115", "MW00000", estimate + 5) })
            {
                rows.Add(new JsonObject
                {
                    ["ID"] = rows.Count,
                    ["Leeftijd"] = age,
                    ["Marges"] = margin,
                    ["WijkenEnBuurten"] = row["code"].PadRight(10),
                    ["Perioden"] = row["jaar"] + "JJ00",
                    ["EenOfMeerLangdurigeAandoeningen_5"] = null,
                    ["GoedErvarenGezondheid_4"] = value,
                });
            }
        }

        _series["50150NED"] = new SeriesTable(Properties(("Leeftijd", "Dimension"), ("Marges", "Dimension"), ("WijkenEnBuurten", "GeoDimension"), ("Perioden", "TimeDimension"), ("GoedErvarenGezondheid_4", "Topic"), ("EenOfMeerLangdurigeAandoeningen_5", "Topic")), rows);
    }

    private async Task AnswerSeriesAsync(HttpContext context, string table, string set)
    {
        var url = context.Request.Path + context.Request.QueryString;
        var metadata = $"{Feed}{table}/$metadata#Cbs.OData.WebAPI.{set}";
        var skip = int.TryParse(context.Request.Query["$skip"], CultureInfo.InvariantCulture, out var s) ? s : 0;
        var filter = (string?)context.Request.Query["$filter"];
        JsonObject document;
        switch (set)
        {
            case "DataProperties":
                document = new JsonObject { ["odata.metadata"] = metadata, ["value"] = _series[table].Properties.DeepClone() };
                break;
            case "WijkenEnBuurten":
                // The region dimension: every area of the table once, titled with CBS's 2024 name (both tables use the
                // 2024 division), filtered as the client asks (substringof('GM',Key) for the gemeenten).
                var keyClauses = Clauses(filter);
                var regions = _series[table].Rows
                    .Select(r => Cell(r, "WijkenEnBuurten"))
                    .Distinct(StringComparer.Ordinal)
                    .Select(key => new JsonObject { ["Key"] = key, ["Title"] = Names2024.Value.GetValueOrDefault(key.Trim(), key.Trim()), ["Description"] = null })
                    .Where(r => keyClauses.All(c => c(r)));
                document = new JsonObject { ["odata.metadata"] = metadata, ["value"] = new JsonArray([.. regions]) };
                break;
            case "TypedDataSet":
                var clauses = Clauses(filter);
                var matching = _series[table].Rows.Where(r => clauses.All(c => c(r))).ToList();
                document = TypedPage(table, metadata, filter, skip, matching);
                break;
            case "Perioden":
                // The period dimension: every period of the table once, in StatLine's shape (Key, Title, Status).
                var periods = _series[table].Rows
                    .Select(r => Cell(r, "Perioden"))
                    .Distinct(StringComparer.Ordinal)
                    .Order(StringComparer.Ordinal)
                    .Select(key => (JsonNode)new JsonObject { ["Key"] = key, ["Title"] = key, ["Description"] = null, ["Status"] = "Definitief" });
                document = new JsonObject { ["odata.metadata"] = metadata, ["value"] = new JsonArray([.. periods]) };
                break;
            default:
                await Send(context, url, 404, "{}"u8.ToArray());
                return;
        }

        await SendPageAsync(context, url, set == "TypedDataSet" ? (table, (skip / PageSize) + 1) : null, JsonSerializer.SerializeToUtf8Bytes(document));
    }

    /// <summary>The clauses of an OData v3 filter the fake understands, as tests on a row; anything else fails loudly.</summary>
    private static List<Func<JsonObject, bool>> Clauses(string? filter)
    {
        var clauses = new List<Func<JsonObject, bool>>();
        foreach (var clause in (filter ?? string.Empty).Split(" and ", StringSplitOptions.RemoveEmptyEntries))
        {
            if (SubstringOf().Match(clause) is { Success: true } contains)
            {
                clauses.Add(r => Cell(r, contains.Groups["column"].Value).Contains(contains.Groups["text"].Value, StringComparison.Ordinal));
            }
            else if (EqualTo().Match(clause) is { Success: true } equal)
            {
                // StatLine compares keys as stored, padding included.
                clauses.Add(r => Cell(r, equal.Groups["column"].Value) == equal.Groups["text"].Value);
            }
            else
            {
                throw new InvalidOperationException($"the fake does not understand the clause '{clause}' of $filter={filter}");
            }
        }

        return clauses;
    }

    private static string Cell(JsonObject row, string column) =>
        row[column]?.GetValue<string>() ?? throw new InvalidOperationException($"the fake's rows have no text column {column}");

    private static JsonArray Properties(params (string Key, string Type)[] keys)
    {
        var list = new JsonArray();
        for (var i = 0; i < keys.Length; i++)
        {
            list.Add(new JsonObject { ["odata.type"] = $"Cbs.OData.{keys[i].Type}", ["ID"] = i, ["Position"] = i, ["ParentID"] = null, ["Type"] = keys[i].Type, ["Key"] = keys[i].Key, ["Title"] = keys[i].Key, ["Description"] = string.Empty });
        }

        return list;
    }

    private sealed record SeriesTable(JsonArray Properties, List<JsonObject> Rows);

    [GeneratedRegex(@"^(?<column>\w+) eq '(?<text>[^']*)'$")]
    private static partial Regex EqualTo();
}
