using System.Collections.Immutable;
using Leefkracht.Core.Planner;
using Leefkracht.Data.Documents;

namespace Leefkracht.Monitor.Planner;

/// <summary>Where a stock change or placement programme applies: listed buurten, or the N weakest of the scenario's area.</summary>
/// <param name="Buurten">Listed buurten (empty when <paramref name="Weakest"/> is used or for the whole area).</param>
/// <param name="Weakest">The N buurten with the lowest base-year resilience score.</param>
/// <param name="Path">JSON path, for error messages.</param>
public sealed record BuurtSelector(ImmutableArray<AreaCode> Buurten, int? Weakest, string Path)
{
    /// <summary>Whether nothing is selected explicitly (the whole area).</summary>
    public bool IsWholeArea => Buurten.IsEmpty && Weakest is null;
}

/// <summary>A stock change as written in a scenario file (the total, before it is split over buurten and years).</summary>
public sealed record StockChangeSpec(StockChangeKind Kind, Segment Segment, Segment To, int Dwellings, BuurtSelector Where, int Year, int OverYears, string Path);

/// <summary>A placement programme as written in a scenario file.</summary>
public sealed record PlacementSpec(HouseholdGroup Group, int PerYear, AllocationMethod Method, int FromYear, int ToYear, BuurtSelector Pool, ImmutableDictionary<AreaCode, int> Explicit, string Path);

/// <summary>A scenario file, parsed and checked on its own (areas are checked against the store when it is run).</summary>
public sealed record ScenarioSpec(
    string Name,
    string Description,
    int BaseYear,
    int Years,
    ImmutableArray<AreaCode> Gemeenten,
    ImmutableArray<AreaCode> Buurten,
    PlannerParameters Parameters,
    AllocationRules Rules,
    ImmutableArray<StockChangeSpec> Stock,
    ImmutableArray<PlacementSpec> Placements);

/// <summary>
/// Reads scenario files (<c>docs/planner.md#scenario-files</c>): System.Text.Json deserialises the file into
/// <see cref="ScenarioBody"/> as written, then the checks below turn it into a <see cref="ScenarioSpec"/>, reporting
/// every problem at once, each with its JSON path and code, worded in the user's language (ScenarioWords.resx), as <see cref="Models.ModelDocument"/> does for weight models.
/// </summary>
public static class ScenarioDocument
{
    private static readonly string[] Actions = ["build", "demolish", "convert", "sell"];
    private static readonly string[] Methods = ["vacancies", "optimised", "explicit"];
    private static readonly string[] SegmentNames = [.. PlannerDimensions.AllSegments.Select(PlannerDimensions.JsonName)];

    /// <summary>Reads a scenario file.</summary>
    /// <exception cref="DocumentException">The file is not a valid scenario; the message lists every problem with its JSON path.</exception>
    public static ScenarioSpec Read(string path)
    {
        using var stream = File.OpenRead(path);
        return Parse(stream, Path.GetFileName(path));
    }

    /// <summary>Parses and validates a scenario.</summary>
    /// <exception cref="DocumentException">Not valid; every problem with its JSON path.</exception>
    public static ScenarioSpec Parse(Stream json, string name) => Parse(Bytes(json), name);

    /// <summary>Parses and validates a scenario given as UTF-8 JSON.</summary>
    /// <exception cref="DocumentException">Not valid; every problem with its JSON path.</exception>
    public static ScenarioSpec Parse(ReadOnlyMemory<byte> json, string name)
    {
        var heading = ScenarioWords.NotValid(name);
        var body = DocumentJson.Read<ScenarioBody>(json, name, heading)
            ?? throw new DocumentException(heading, [DocumentWords.Problem("$", "Document.Object")]);
        var checks = new DocumentChecks();
        var spec = new Checker(checks).Scenario(body);
        checks.ThrowIfAny(heading);
        return spec;
    }

    private static ReadOnlyMemory<byte> Bytes(Stream json)
    {
        ArgumentNullException.ThrowIfNull(json);
        using var buffer = new MemoryStream();
        json.CopyTo(buffer);
        return buffer.ToArray();
    }

    private sealed class Checker(DocumentChecks checks)
    {
        public ScenarioSpec Scenario(ScenarioBody root)
        {
            checks.Unknown(root, "$");
            var name = checks.Text(root.Name, "$.name");
            var baseYear = checks.WholeNumber(root.BaseYear, "$.baseYear", null, 1990, 2100);
            var years = checks.WholeNumber(root.Years, "$.years", 10, 1, 50);
            var (gemeenten, buurten) = Area(root.Area, "$.area");
            var parameters = Parameters(root.Parameters, "$.parameters");
            var rules = Rules(root.Rules, "$.rules");
            var stock = checks.Items(root.Stock, "$.stock", (item, path) => Stock(item, path, baseYear, years));
            var placements = checks.Items(root.Placements, "$.placements", (item, path) => Placement(item, path, baseYear, years));
            return new ScenarioSpec(name, checks.Text(root.Description, "$.description", required: false), baseYear, years, gemeenten, buurten, parameters, rules, stock, placements);
        }

        private (ImmutableArray<AreaCode> Gemeenten, ImmutableArray<AreaCode> Buurten) Area(Field<AreaBody> field, string path)
        {
            if (checks.Body(field, path, ScenarioWords.Problem(path, "Scenario.AreaRequired")) is not { } area)
            {
                return ([], []);
            }

            checks.Unknown(area, path);
            var gemeenten = Codes(area.Gemeenten, $"{path}.gemeenten", AreaLevel.Gemeente);
            var buurten = Codes(area.Buurten, $"{path}.buurten", AreaLevel.Buurt);
            if (gemeenten.IsEmpty && buurten.IsEmpty)
            {
                checks.Add(ScenarioWords.Problem(path, "Scenario.AreaEmpty"));
            }

            return (gemeenten, buurten);
        }

        private PlannerParameters Parameters(Field<ParametersBody> field, string path)
        {
            var defaults = PlannerParameters.Default;
            if (field.IsMissing || checks.Body(field, path) is not { } parameters)
            {
                return defaults;
            }

            checks.Unknown(parameters, path);
            var result = new PlannerParameters(
                PerSegment(parameters.Turnover, $"{path}.turnover", defaults.Turnover),
                PerSegment(parameters.RelativeVulnerability, $"{path}.relativeVulnerability", defaults.RelativeVulnerability),
                checks.Number(parameters.MidRentShareOfOtherRent, $"{path}.midRentShareOfOtherRent", defaults.MidRentShareOfOtherRent),
                checks.Number(parameters.TippingShare, $"{path}.tippingShare", defaults.TippingShare),
                checks.Number(parameters.InflowFeedback, $"{path}.inflowFeedback", defaults.InflowFeedback));
            foreach (var problem in result.Problems())
            {
                checks.Add(ScenarioWords.Problem($"{path}.{problem.Parameter}", problem));
            }

            return result;
        }

        private ImmutableArray<double> PerSegment(Field<SegmentValuesBody> field, string path, ImmutableArray<double> defaults)
        {
            if (field.IsMissing || checks.Body(field, path, ScenarioWords.Problem(path, "Scenario.PerSegment", string.Join(", ", SegmentNames))) is not { } values)
            {
                return defaults;
            }

            checks.Unknown(values, path);
            return [.. PlannerDimensions.AllSegments.Select(s => checks.Number(values.Of(s), $"{path}.{PlannerDimensions.JsonName(s)}", defaults[(int)s]))];
        }

        private AllocationRules Rules(Field<RulesBody> field, string path)
        {
            var defaults = new AllocationRules();
            if (field.IsMissing || checks.Body(field, path) is not { } rules)
            {
                return defaults;
            }

            checks.Unknown(rules, path);
            double Share(Field<double> share, string key, double fallback, bool allowZero = true)
            {
                var value = checks.Number(share, $"{path}.{key}", fallback);
                if (value > 1 || value < 0 || (!allowZero && value == 0))
                {
                    checks.Add(ScenarioWords.Problem($"{path}.{key}", "Scenario.Share", ScenarioWords.Number(value)));
                }

                return value;
            }

            double? exclude = rules.ExcludeAboveShare.IsMissing ? null : Share(rules.ExcludeAboveShare, "excludeAboveShare", 1, allowZero: false);
            return new AllocationRules(
                Share(rules.MaxPlacementShare, "maxPlacementShare", defaults.MaxPlacementShare),
                Share(rules.MaxVulnerableInflowShare, "maxVulnerableInflowShare", defaults.MaxVulnerableInflowShare),
                exclude,
                Share(rules.PriorityShare, "priorityShare", defaults.PriorityShare));
        }

        private StockChangeSpec Stock(StockBody item, string path, int baseYear, int years)
        {
            checks.Unknown(item, path);
            var kind = checks.Choice(item.Action, $"{path}.action", Actions) switch
            {
                "demolish" => StockChangeKind.Demolish,
                "convert" => StockChangeKind.Convert,
                "sell" => StockChangeKind.Sell,
                _ => StockChangeKind.Build,
            };
            var segment = SegmentOf(item.Segment, $"{path}.segment") ?? Segment.SocialRent;
            var to = segment;
            if (kind == StockChangeKind.Convert)
            {
                to = SegmentOf(item.To, $"{path}.to") ?? segment;
                if (to == segment && !item.To.IsMissing)
                {
                    checks.Add(ScenarioWords.Problem($"{path}.to", "Scenario.ConvertToSameSegment", PlannerDimensions.JsonName(segment)));
                }
            }
            else if (!item.To.IsMissing)
            {
                checks.Add(ScenarioWords.Problem($"{path}.to", "Scenario.TargetOnlyForConvert"));
            }

            if (kind == StockChangeKind.Sell)
            {
                to = Segment.OwnerOccupied;
                if (segment == Segment.OwnerOccupied)
                {
                    checks.Add(ScenarioWords.Problem($"{path}.segment", "Scenario.SellOwnerOccupied"));
                }
            }

            var dwellings = checks.WholeNumber(item.Dwellings, $"{path}.dwellings", null, 1, 1_000_000);
            var year = checks.WholeNumber(item.Year, $"{path}.year", null, baseYear + 1, baseYear + years);
            var overYears = checks.WholeNumber(item.OverYears, $"{path}.overYears", 1, 1, 50);
            if (year + overYears - 1 > baseYear + years && year >= baseYear + 1)
            {
                checks.Add(ScenarioWords.Problem($"{path}.overYears", "Scenario.PastLastYear", overYears, year, baseYear + years));
            }

            return new StockChangeSpec(kind, segment, to, dwellings, Selector(item, path), year, overYears, path);
        }

        private PlacementSpec Placement(PlacementBody item, string path, int baseYear, int years)
        {
            checks.Unknown(item, path);
            var groupName = checks.Choice(item.Group, $"{path}.group", [.. PlannerDimensions.TargetGroups.Select(PlannerDimensions.JsonName)]);
            var group = PlannerDimensions.TargetGroups.FirstOrDefault(g => PlannerDimensions.JsonName(g) == groupName, HouseholdGroup.Statushouder);
            var method = checks.Choice(item.Allocation, $"{path}.allocation", Methods) switch
            {
                "optimised" => AllocationMethod.Optimised,
                "explicit" => AllocationMethod.Explicit,
                _ => AllocationMethod.Vacancies,
            };
            var from = checks.WholeNumber(item.From, $"{path}.from", baseYear + 1, baseYear + 1, baseYear + years);
            var to = checks.WholeNumber(item.To, $"{path}.to", baseYear + years, baseYear + 1, baseYear + years);
            if (to < from)
            {
                checks.Add(ScenarioWords.Problem($"{path}.to", "Scenario.ToBeforeFrom", to, from));
            }

            var explicitCounts = ImmutableDictionary<AreaCode, int>.Empty;
            int perYear;
            if (method == AllocationMethod.Explicit)
            {
                if (item.Explicit.Value is { Count: > 0 } counts)
                {
                    foreach (var (key, value) in counts)
                    {
                        if (Code(key, $"{path}.explicit.{key}", AreaLevel.Buurt) is { } code)
                        {
                            explicitCounts = explicitCounts.SetItem(code, checks.WholeNumber(value, $"{path}.explicit.{key}", null, 0, 100_000));
                        }
                    }
                }
                else
                {
                    checks.Add(ScenarioWords.Problem($"{path}.explicit", "Scenario.ExplicitRequired"));
                }

                perYear = explicitCounts.Values.Sum();
                if (!item.PerYear.IsMissing && checks.WholeNumber(item.PerYear, $"{path}.perYear", null, 0, 1_000_000) != perYear)
                {
                    checks.Add(ScenarioWords.Problem($"{path}.perYear", "Scenario.PerYearIsSum", perYear));
                }
            }
            else
            {
                perYear = checks.WholeNumber(item.PerYear, $"{path}.perYear", null, 1, 1_000_000);
                if (!item.Explicit.IsMissing)
                {
                    checks.Add(ScenarioWords.Problem($"{path}.explicit", "Scenario.ExplicitOnly"));
                }
            }

            return new PlacementSpec(group, perYear, method, from, to, Selector(item, path), explicitCounts, path);
        }

        private BuurtSelector Selector(ISelectorBody item, string path)
        {
            var buurten = Codes(item.Buurten, $"{path}.buurten", AreaLevel.Buurt);
            int? weakest = item.Weakest.IsMissing ? null : checks.WholeNumber(item.Weakest, $"{path}.weakest", null, 1, 100_000);
            if (weakest is not null && !buurten.IsEmpty)
            {
                checks.Add(ScenarioWords.Problem(path, "Scenario.EitherBuurtenOrWeakest"));
            }

            return new BuurtSelector(buurten, weakest, path);
        }

        private ImmutableArray<AreaCode> Codes(Field<ImmutableArray<Field<string>>> field, string path, AreaLevel level)
        {
            if (field.IsMissing)
            {
                return [];
            }

            if (!field.HasValue)
            {
                checks.Add(ScenarioWords.Problem(path, "Scenario.CodeList"));
                return [];
            }

            var codes = new List<AreaCode>();
            for (var i = 0; i < field.Value.Length; i++)
            {
                if (field.Value[i].Value is not { } text)
                {
                    checks.Add(ScenarioWords.Problem($"{path}[{i}]", "Scenario.CodeText"));
                }
                else if (Code(text, $"{path}[{i}]", level) is { } code)
                {
                    if (codes.Contains(code))
                    {
                        checks.Add(ScenarioWords.Problem($"{path}[{i}]", "Scenario.CodeTwice", code));
                    }

                    codes.Add(code);
                }
            }

            return [.. codes];
        }

        private AreaCode? Code(string text, string path, AreaLevel level)
        {
            if (!AreaCode.TryParse(text, out var code, out var error))
            {
                checks.Add(ScenarioWords.Problem(path, "Scenario.NotACode", text, error));
                return null;
            }

            if (code.Level != level)
            {
                checks.Add(ScenarioWords.Problem(path, "Scenario.WrongLevel", code, code.Level.ToString().ToLowerInvariant(), level.ToString().ToLowerInvariant()));
                return null;
            }

            return code;
        }

        private Segment? SegmentOf(Field<string> field, string path)
        {
            var name = checks.Choice(field, path, SegmentNames);
            return PlannerDimensions.AllSegments.Where(s => PlannerDimensions.JsonName(s) == name).Select(s => (Segment?)s).FirstOrDefault();
        }
    }
}
