using Leefkracht.Core.Text;

namespace Leefkracht.Cli;

/// <summary>The planner commands' words (PlannerTexts.resx, Dutch; PlannerTexts.en.resx), kept apart from <see cref="Texts"/> so the planner can grow on its own.</summary>
internal static class PlannerTexts
{
    private static readonly Words Words = new(typeof(PlannerTexts));

    /// <summary>The word named <paramref name="key"/>, or the key itself when there is none.</summary>
    public static string Get(string key) => Words.Find(key) ?? key;

    public static string Format(string key, params object?[] args) => string.Format(CultureInfo.InvariantCulture, Get(key), args);
}
