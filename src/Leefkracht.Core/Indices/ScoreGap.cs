using System.Collections.Immutable;
using System.Globalization;

namespace Leefkracht.Core.Indices;

/// <summary>
/// Why an area has no score, kept as a word key and its values rather than as a sentence: scores are computed once and
/// remembered for every reader, so the sentence is worded when it is shown (<see cref="ToString"/>), in the user's
/// language (IndexWords.resx, IndexWords.en.resx, key <c>Gap.</c><see cref="Key"/>).
/// </summary>
/// <param name="Key">What is missing: <c>InhabitantsUnknown</c>, <c>TooFewInhabitants</c>, <c>NoPressureFigures</c>,
/// <c>TooFewPressureFigures</c>, <c>TooFewCapacityFigures</c>.</param>
/// <param name="Values">The numbers the sentence names, formatted by it.</param>
public sealed record ScoreGap(string Key, ImmutableArray<object> Values)
{
    /// <summary>A gap with its values.</summary>
    public static ScoreGap Of(string key, params object[] values) => new(key, [.. values]);

    /// <summary>The sentence in the user's language; numbers in that language's format.</summary>
    public override string ToString() =>
        string.Format(CultureInfo.CurrentUICulture, IndexWords.Words["Gap." + Key], [.. Values]);
}
