using System.Text.RegularExpressions;
using System.Xml.Linq;

namespace Leefkracht.ArchitectureTests;

/// <summary>
/// The words live in .resx resources read in the UI culture (docs/localization.md), so the sources under <c>src/</c>
/// pass no language around and choose no words by an inline language test; every Dutch resource has an English twin
/// with the same names and the same placeholders.
/// </summary>
public sealed partial class LocalizationRulesTests
{
    private static readonly string Sources = Path.Combine(RepositoryRoot(), "src");

    [Fact]
    public void Sources_PassNoLanguageAndHaveNoLanguageTernary()
    {
        var found = CSharpFiles()
            .SelectMany(file => File.ReadLines(file).Select((line, i) => (file, line, number: i + 1)))
            .Where(x => Violates(x.line))
            .Select(x => $"{Path.GetRelativePath(Sources, x.file)}:{x.number}: {x.line.Trim()}")
            .ToList();

        found.ShouldBeEmpty(string.Join(Environment.NewLine, found));
    }

    /// <summary>
    /// An answer worded after the request localization's scope takes the reader's language again through one helper
    /// (<c>Hosting/Localization.TakeTheReadersLanguageAgain</c>), so no handler reads the request culture on its own.
    /// </summary>
    [Fact]
    public void Sources_ReadTheRequestCultureInOnePlace()
    {
        var readers = CSharpFiles()
            .Where(file => File.ReadAllText(file).Contains("IRequestCultureFeature", StringComparison.Ordinal))
            .Select(file => Path.GetRelativePath(Sources, file).Replace(Path.DirectorySeparatorChar, '/'))
            .ToList();

        readers.ShouldBe(["Leefkracht.Web/Hosting/Localization.cs"]);
    }

    [Theory]
    [InlineData("public static string Name(string language) => NameNl;")]
    [InlineData("    public static string Svg(IReadOnlyList<ScenarioRun> runs, string? lang = null)")]
    [InlineData("internal static string Labelled(AreaLevel level, string name, bool en)")]
    [InlineData("var title = en ? \"Change\" : \"Verandering\";")]
    [InlineData("text.AppendLine(isEnglish ? a : b);")]
    public void Rule_FindsALanguageParameterOrTernary(string line) => Violates(line).ShouldBeTrue();

    [Theory]
    [InlineData("public static string Name() => Words.InEnglish ? NameEn : NameNl;")]
    [InlineData("public sealed record LanguageRequest([FromQuery] string? Lang);")]
    [InlineData("var open = token?.Length;")]
    public void Rule_LeavesOtherCodeAlone(string line) => Violates(line).ShouldBeFalse();

    [Fact]
    public void Resources_HaveTheSameWordsInDutchAndEnglish()
    {
        var dutch = Directory.EnumerateFiles(Sources, "*.resx", SearchOption.AllDirectories)
            .Where(f => !f.EndsWith(".en.resx", StringComparison.Ordinal) && !IsGenerated(f))
            .ToList();
        dutch.Count.ShouldBeGreaterThanOrEqualTo(6);
        foreach (var file in dutch)
        {
            var english = Path.ChangeExtension(file, ".en.resx");
            File.Exists(english).ShouldBeTrue($"{english} is missing");
            var nl = Words(file);
            var en = Words(english);
            en.Keys.Order(StringComparer.Ordinal).ShouldBe(nl.Keys.Order(StringComparer.Ordinal), $"{Path.GetFileName(file)}: the same names in both languages");
            foreach (var (key, text) in nl)
            {
                Placeholders(en[key]).ShouldBe(Placeholders(text), $"{Path.GetFileName(file)} {key}: the same placeholders in both languages");
            }
        }
    }

    private static bool Violates(string line) => LanguageParameter().IsMatch(line) || LanguageTernary().IsMatch(line);

    private static IEnumerable<string> CSharpFiles() =>
        Directory.EnumerateFiles(Sources, "*.cs", SearchOption.AllDirectories).Where(f => !IsGenerated(f));

    private static bool IsGenerated(string path) =>
        path.Split(Path.DirectorySeparatorChar).Any(part => part is "obj" or "bin" or "node_modules");

    private static Dictionary<string, string> Words(string resx) =>
        XDocument.Load(resx).Root!.Elements("data").ToDictionary(d => (string)d.Attribute("name")!, d => (string)d.Element("value")!, StringComparer.Ordinal);

    private static string[] Placeholders(string text) => [.. Placeholder().Matches(text).Select(m => m.Value).Order(StringComparer.Ordinal)];

    private static string RepositoryRoot()
    {
        for (var folder = new DirectoryInfo(AppContext.BaseDirectory); folder is not null; folder = folder.Parent)
        {
            if (File.Exists(Path.Combine(folder.FullName, "Leefkracht.slnx")))
            {
                return folder.FullName;
            }
        }

        throw new InvalidOperationException("Leefkracht.slnx not found above " + AppContext.BaseDirectory);
    }

    /// <summary>A parameter (or local) that carries a language: <c>string language</c>, <c>string? lang</c>, <c>bool en</c>.</summary>
    [GeneratedRegex(@"\b(string\??\s+(language|lang)|bool\s+(en|english|isEnglish))\b")]
    private static partial Regex LanguageParameter();

    /// <summary>Words chosen inline by language: <c>en ? "…" : "…"</c>.</summary>
    [GeneratedRegex(@"\b(en|english|isEnglish|IsEnglish\([^)]*\)|English\([^)]*\))\s*\?(?![?.\[])")]
    private static partial Regex LanguageTernary();

    [GeneratedRegex(@"\{\d+(:[^}]*)?\}")]
    private static partial Regex Placeholder();
}
