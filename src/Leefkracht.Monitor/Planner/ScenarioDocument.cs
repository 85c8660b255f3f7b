using System.Collections.Immutable;
using System.Text.Json;
using System.Text.Json.Nodes;
using Leefkracht.Core.Planner;

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
/// Reads scenario files (<c>docs/planner.md#scenario-files</c>). Validation reports every problem at once, each
/// with its JSON path, as <see cref="Models.ModelDocument"/> does for weight models.
/// </summary>
public static class ScenarioDocument
{
    private static readonly string[] Actions = ["build", "demolish", "convert", "sell"];
    private static readonly string[] Methods = ["vacancies", "optimised", "explicit"];

    /// <summary>Reads a scenario file.</summary>
    /// <exception cref="InvalidDataException">The file is not a valid scenario; the message lists every problem with its JSON path.</exception>
    public static ScenarioSpec Read(string path)
    {
        using var stream = File.OpenRead(path);
        return Parse(stream, Path.GetFileName(path));
    }

    /// <summary>Parses and validates a scenario.</summary>
    /// <exception cref="InvalidDataException">Not valid; every problem with its JSON path.</exception>
    public static ScenarioSpec Parse(Stream json, string name)
    {
        ArgumentNullException.ThrowIfNull(json);
        JsonNode? root;
        try
        {
            root = JsonNode.Parse(json, documentOptions: new JsonDocumentOptions { CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true });
        }
        catch (JsonException exception)
        {
            throw ScenarioErrors.NotJson(name, exception);
        }

        var errors = new List<string>();
        if (root is not JsonObject rootObject)
        {
            throw ScenarioErrors.Create($"{name} is not a valid scenario:", ["$: an object is required"]);
        }

        var spec = new Reader(errors).Scenario(rootObject);
        return errors.Count == 0
            ? spec
            : throw ScenarioErrors.Create($"{name} is not a valid scenario:", errors);
    }

    private sealed class Reader(List<string> errors)
    {
        public ScenarioSpec Scenario(JsonObject root)
        {
            Unknown(root, "$", "name", "description", "baseYear", "years", "area", "parameters", "rules", "stock", "placements");
            var name = Text(root["name"], "$.name");
            var baseYear = Integer(root["baseYear"], "$.baseYear", null, 1990, 2100);
            var years = Integer(root["years"], "$.years", 10, 1, 50);
            var (gemeenten, buurten) = Area(root["area"], "$.area");
            var parameters = Parameters(root["parameters"], "$.parameters");
            var rules = Rules(root["rules"], "$.rules");
            var stock = Items(root["stock"], "$.stock", (node, path) => Stock(node, path, baseYear, years));
            var placements = Items(root["placements"], "$.placements", (node, path) => Placement(node, path, baseYear, years));
            return new ScenarioSpec(name, Text(root["description"], "$.description", required: false), baseYear, years, gemeenten, buurten, parameters, rules, stock, placements);
        }

        private (ImmutableArray<AreaCode> Gemeenten, ImmutableArray<AreaCode> Buurten) Area(JsonNode? node, string path)
        {
            if (node is not JsonObject area)
            {
                errors.Add($"{path}: an object with \"gemeenten\" or \"buurten\" is required");
                return ([], []);
            }

            Unknown(area, path, "gemeenten", "buurten");
            var gemeenten = Codes(area["gemeenten"], $"{path}.gemeenten", AreaLevel.Gemeente);
            var buurten = Codes(area["buurten"], $"{path}.buurten", AreaLevel.Buurt);
            if (gemeenten.IsEmpty && buurten.IsEmpty)
            {
                errors.Add($"{path}: at least one gemeente or buurt is required");
            }

            return (gemeenten, buurten);
        }

        private PlannerParameters Parameters(JsonNode? node, string path)
        {
            var defaults = PlannerParameters.Default;
            if (node is null)
            {
                return defaults;
            }

            if (node is not JsonObject parameters)
            {
                errors.Add($"{path}: an object is required");
                return defaults;
            }

            Unknown(parameters, path, "turnover", "relativeVulnerability", "midRentShareOfOtherRent", "tippingShare", "inflowFeedback");
            var result = new PlannerParameters(
                PerSegment(parameters["turnover"], $"{path}.turnover", defaults.Turnover),
                PerSegment(parameters["relativeVulnerability"], $"{path}.relativeVulnerability", defaults.RelativeVulnerability),
                Number(parameters["midRentShareOfOtherRent"], $"{path}.midRentShareOfOtherRent", defaults.MidRentShareOfOtherRent),
                Number(parameters["tippingShare"], $"{path}.tippingShare", defaults.TippingShare),
                Number(parameters["inflowFeedback"], $"{path}.inflowFeedback", defaults.InflowFeedback));
            foreach (var (parameter, message) in result.Problems())
            {
                errors.Add($"{path}.{parameter}: {message}");
            }

            return result;
        }

        private ImmutableArray<double> PerSegment(JsonNode? node, string path, ImmutableArray<double> defaults)
        {
            if (node is null)
            {
                return defaults;
            }

            if (node is not JsonObject values)
            {
                errors.Add($"{path}: an object with a number per segment (socialRent, midRent, privateRent, ownerOccupied) is required");
                return defaults;
            }

            Unknown(values, path, [.. PlannerDimensions.AllSegments.Select(PlannerDimensions.JsonName)]);
            return [.. PlannerDimensions.AllSegments.Select(s => Number(values[PlannerDimensions.JsonName(s)], $"{path}.{PlannerDimensions.JsonName(s)}", defaults[(int)s]))];
        }

        private AllocationRules Rules(JsonNode? node, string path)
        {
            var defaults = new AllocationRules();
            if (node is null)
            {
                return defaults;
            }

            if (node is not JsonObject rules)
            {
                errors.Add($"{path}: an object is required");
                return defaults;
            }

            Unknown(rules, path, "maxPlacementShare", "maxVulnerableInflowShare", "excludeAboveShare", "priorityShare");
            double Share(string key, double fallback, bool allowZero = true)
            {
                var value = Number(rules[key], $"{path}.{key}", fallback);
                if (value > 1 || value < 0 || (!allowZero && value == 0))
                {
                    errors.Add(string.Create(CultureInfo.InvariantCulture, $"{path}.{key}: must lie between 0 and 1, found {value}"));
                }

                return value;
            }

            double? exclude = rules["excludeAboveShare"] is null ? null : Share("excludeAboveShare", 1, allowZero: false);
            return new AllocationRules(Share("maxPlacementShare", defaults.MaxPlacementShare), Share("maxVulnerableInflowShare", defaults.MaxVulnerableInflowShare), exclude, Share("priorityShare", defaults.PriorityShare));
        }

        private StockChangeSpec? Stock(JsonObject item, string path, int baseYear, int years)
        {
            Unknown(item, path, "action", "segment", "to", "dwellings", "buurten", "weakest", "year", "overYears");
            var action = Choice(item["action"], $"{path}.action", Actions);
            var kind = action switch
            {
                "demolish" => StockChangeKind.Demolish,
                "convert" => StockChangeKind.Convert,
                "sell" => StockChangeKind.Sell,
                _ => StockChangeKind.Build,
            };
            var segment = SegmentOf(item["segment"], $"{path}.segment") ?? Segment.SocialRent;
            var to = segment;
            if (kind == StockChangeKind.Convert)
            {
                to = SegmentOf(item["to"], $"{path}.to") ?? segment;
                if (to == segment && item["to"] is not null)
                {
                    errors.Add($"{path}.to: a conversion needs a segment other than \"{PlannerDimensions.JsonName(segment)}\"");
                }
            }
            else if (item["to"] is not null)
            {
                errors.Add($"{path}.to: only a conversion has a target segment (a sale goes to ownerOccupied)");
            }

            if (kind == StockChangeKind.Sell)
            {
                to = Segment.OwnerOccupied;
                if (segment == Segment.OwnerOccupied)
                {
                    errors.Add($"{path}.segment: only rented dwellings can be sold");
                }
            }

            var dwellings = Integer(item["dwellings"], $"{path}.dwellings", null, 1, 1_000_000);
            var year = Integer(item["year"], $"{path}.year", null, baseYear + 1, baseYear + years);
            var overYears = Integer(item["overYears"], $"{path}.overYears", 1, 1, 50);
            if (year + overYears - 1 > baseYear + years && year >= baseYear + 1)
            {
                errors.Add(string.Create(CultureInfo.InvariantCulture, $"{path}.overYears: {overYears} years from {year} run past the last projected year {baseYear + years}"));
            }

            return new StockChangeSpec(kind, segment, to, dwellings, Selector(item, path), year, overYears, path);
        }

        private PlacementSpec? Placement(JsonObject item, string path, int baseYear, int years)
        {
            Unknown(item, path, "group", "perYear", "allocation", "from", "to", "buurten", "weakest", "explicit");
            var groupName = Choice(item["group"], $"{path}.group", [.. PlannerDimensions.TargetGroups.Select(PlannerDimensions.JsonName)]);
            var group = PlannerDimensions.TargetGroups.FirstOrDefault(g => PlannerDimensions.JsonName(g) == groupName, HouseholdGroup.Statushouder);
            var method = Choice(item["allocation"], $"{path}.allocation", Methods) switch
            {
                "optimised" => AllocationMethod.Optimised,
                "explicit" => AllocationMethod.Explicit,
                _ => AllocationMethod.Vacancies,
            };
            var from = Integer(item["from"], $"{path}.from", baseYear + 1, baseYear + 1, baseYear + years);
            var to = Integer(item["to"], $"{path}.to", baseYear + years, baseYear + 1, baseYear + years);
            if (to < from)
            {
                errors.Add(string.Create(CultureInfo.InvariantCulture, $"{path}.to: {to} is before from ({from})"));
            }

            var explicitCounts = ImmutableDictionary<AreaCode, int>.Empty;
            int perYear;
            if (method == AllocationMethod.Explicit)
            {
                if (item["explicit"] is JsonObject counts && counts.Count > 0)
                {
                    foreach (var (key, value) in counts)
                    {
                        if (Code(key, $"{path}.explicit.{key}", AreaLevel.Buurt) is { } code)
                        {
                            explicitCounts = explicitCounts.SetItem(code, Integer(value, $"{path}.explicit.{key}", null, 0, 100_000));
                        }
                    }
                }
                else
                {
                    errors.Add($"{path}.explicit: an object of buurt codes and yearly placements is required with \"allocation\": \"explicit\"");
                }

                perYear = explicitCounts.Values.Sum();
                if (item["perYear"] is not null && Integer(item["perYear"], $"{path}.perYear", null, 0, 1_000_000) != perYear)
                {
                    errors.Add(string.Create(CultureInfo.InvariantCulture, $"{path}.perYear: must equal the sum of \"explicit\" ({perYear}) or be left out"));
                }
            }
            else
            {
                perYear = Integer(item["perYear"], $"{path}.perYear", null, 1, 1_000_000);
                if (item["explicit"] is not null)
                {
                    errors.Add($"{path}.explicit: only with \"allocation\": \"explicit\"");
                }
            }

            return new PlacementSpec(group, perYear, method, from, to, Selector(item, path), explicitCounts, path);
        }

        private BuurtSelector Selector(JsonObject item, string path)
        {
            var buurten = Codes(item["buurten"], $"{path}.buurten", AreaLevel.Buurt);
            int? weakest = item["weakest"] is null ? null : Integer(item["weakest"], $"{path}.weakest", null, 1, 100_000);
            if (weakest is not null && !buurten.IsEmpty)
            {
                errors.Add($"{path}: give either \"buurten\" or \"weakest\", not both");
            }

            return new BuurtSelector(buurten, weakest, path);
        }

        private ImmutableArray<T> Items<T>(JsonNode? node, string path, Func<JsonObject, string, T?> read)
            where T : class
        {
            if (node is null)
            {
                return [];
            }

            if (node is not JsonArray array)
            {
                errors.Add($"{path}: an array is required");
                return [];
            }

            var items = new List<T>();
            for (var i = 0; i < array.Count; i++)
            {
                if (array[i] is JsonObject item)
                {
                    if (read(item, $"{path}[{i}]") is { } value)
                    {
                        items.Add(value);
                    }
                }
                else
                {
                    errors.Add($"{path}[{i}]: an object is required");
                }
            }

            return [.. items];
        }

        private ImmutableArray<AreaCode> Codes(JsonNode? node, string path, AreaLevel level)
        {
            if (node is null)
            {
                return [];
            }

            if (node is not JsonArray array)
            {
                errors.Add($"{path}: an array of codes is required");
                return [];
            }

            var codes = new List<AreaCode>();
            for (var i = 0; i < array.Count; i++)
            {
                var text = array[i] is JsonValue v && v.TryGetValue<string>(out var s) ? s : null;
                if (text is null)
                {
                    errors.Add($"{path}[{i}]: a code string is required");
                }
                else if (Code(text, $"{path}[{i}]", level) is { } code)
                {
                    if (codes.Contains(code))
                    {
                        errors.Add($"{path}[{i}]: {code} is listed twice");
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
                errors.Add($"{path}: '{text}' is not an area code: {error}");
                return null;
            }

            if (code.Level != level)
            {
                errors.Add($"{path}: {code} is a {code.Level.ToString().ToLowerInvariant()}, a {level.ToString().ToLowerInvariant()} is required");
                return null;
            }

            return code;
        }

        private Segment? SegmentOf(JsonNode? node, string path)
        {
            var name = Choice(node, path, [.. PlannerDimensions.AllSegments.Select(PlannerDimensions.JsonName)]);
            return PlannerDimensions.AllSegments.Where(s => PlannerDimensions.JsonName(s) == name).Select(s => (Segment?)s).FirstOrDefault();
        }

        private string Choice(JsonNode? node, string path, IReadOnlyList<string> choices)
        {
            var text = Text(node, path);
            if (text.Length > 0 && !choices.Contains(text))
            {
                errors.Add($"{path}: '{text}' is not one of {string.Join(", ", choices)}");
                return string.Empty;
            }

            return text;
        }

        private string Text(JsonNode? node, string path, bool required = true)
        {
            if (node is JsonValue value && value.TryGetValue<string>(out var text) && text.Length > 0)
            {
                return text;
            }

            if (required || node is not null)
            {
                errors.Add($"{path}: a non-empty string is required");
            }

            return string.Empty;
        }

        private double Number(JsonNode? node, string path, double fallback)
        {
            if (node is null)
            {
                return fallback;
            }

            if (node is JsonValue value && value.TryGetValue<double>(out var number) && double.IsFinite(number))
            {
                return number;
            }

            errors.Add($"{path}: a number is required");
            return fallback;
        }

        private int Integer(JsonNode? node, string path, int? fallback, int min, int max)
        {
            if (node is null && fallback is { } f)
            {
                return f;
            }

            if (node is JsonValue value && value.TryGetValue<double>(out var number) && number == Math.Floor(number) && number >= min && number <= max)
            {
                return (int)number;
            }

            errors.Add(string.Create(CultureInfo.InvariantCulture, $"{path}: a whole number from {min} to {max} is required{(node is null ? string.Empty : $", found {node.ToJsonString()}")}"));
            return fallback ?? min;
        }

        private void Unknown(JsonObject item, string path, params string[] known)
        {
            foreach (var (key, _) in item)
            {
                if (!known.Contains(key))
                {
                    errors.Add($"{path}.{key}: unknown field (expected one of {string.Join(", ", known)})");
                }
            }
        }
    }
}
