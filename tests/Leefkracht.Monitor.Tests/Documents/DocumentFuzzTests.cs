using System.Text;
using Leefkracht.Data.Documents;

namespace Leefkracht.Monitor.Tests.Documents;

/// <summary>
/// The scenario and model file parsers under hostile input (issue 18): FsCheck variants (<see cref="JsonMutations"/>,
/// a fixed seed) of the worked examples of docs/planner/ and of the shipped model files are either read or refused
/// with a <see cref="DocumentException"/> whose every problem names its JSON path — never another exception, which
/// the command line would show as a crash and the web as a 500.
/// </summary>
public sealed class DocumentFuzzTests
{
    private const int Variants = 150;

    public static TheoryData<string> Scenarios => [.. Directory.GetFiles(Path.Combine(TestData.RepositoryRoot, "docs", "planner"), "*.json").Select(f => new FileInfo(f).Name).Order(StringComparer.Ordinal)];

    public static TheoryData<string> Models => [.. Directory.GetFiles(Path.Combine(TestData.RepositoryRoot, "src", "Leefkracht.Monitor", "Models"), "*.json").Select(f => new FileInfo(f).Name).Order(StringComparer.Ordinal)];

    [Theory]
    [MemberData(nameof(Scenarios))]
    public void VariantsOfAScenarioFile_AreReadOrRefusedNamingTheirPath(string file)
    {
        var failures = Fuzz(Path.Combine(TestData.RepositoryRoot, "docs", "planner", file), json => ScenarioDocument.Parse(json, file));

        failures.ShouldBeEmpty();
    }

    [Theory]
    [MemberData(nameof(Models))]
    public void VariantsOfAModelFile_AreReadOrRefusedNamingTheirPath(string file)
    {
        var failures = Fuzz(Path.Combine(TestData.RepositoryRoot, "src", "Leefkracht.Monitor", "Models", file), json => ModelDocument.Parse(new MemoryStream(json.ToArray()), file));

        failures.ShouldBeEmpty();
    }

    private static List<string> Fuzz(string path, Action<ReadOnlyMemory<byte>> parse)
    {
        var failures = new List<string>();
        var refused = 0;
        foreach (var variant in JsonMutations.Of(File.ReadAllText(path), Variants))
        {
            try
            {
                parse(Encoding.UTF8.GetBytes(variant));
            }
            catch (DocumentException exception)
            {
                refused++;
                if (exception.Problems.IsEmpty || exception.Problems.Any(p => !p.Path.StartsWith('$') || p.Message.Length == 0))
                {
                    failures.Add($"{Shown(variant)} → problems without a path: {exception.Message}");
                }
            }
#pragma warning disable CA1031 // Any other exception is the finding this test exists for.
            catch (Exception exception)
#pragma warning restore CA1031
            {
                failures.Add($"{Shown(variant)} → {exception.GetType().Name}: {exception.Message}");
            }
        }

        // The variants are hostile: most must be refused, or the mutations do not reach the checks.
        refused.ShouldBeGreaterThan(Variants / 2);
        return failures;
    }

    private static string Shown(string variant) => variant.Length > 300 ? variant[..300] + "…" : variant;
}
