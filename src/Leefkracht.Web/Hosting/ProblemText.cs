using Leefkracht.Core.Text;

namespace Leefkracht.Web.Hosting;

/// <summary>
/// The words of the API's problem details (ProblemText.resx, Dutch; ProblemText.en.resx): titles and the messages of
/// bad parameters and fields, in the reader's language. Parameter names, JSON paths and example values stay as they
/// are written in a request.
/// </summary>
internal static class ProblemText
{
    /// <summary>The words, in the user's language.</summary>
    public static Words Words { get; } = new(typeof(ProblemText));

    /// <summary>Alternatives joined as a reader says them: "a, b of c" / "a, b or c".</summary>
    public static string Either(IEnumerable<string> choices)
    {
        var all = choices.ToList();
        return all.Count < 2 ? string.Join(string.Empty, all) : string.Join(", ", all[..^1]) + Words["Or"] + all[^1];
    }
}
