using System.CommandLine.Parsing;
using System.Text.RegularExpressions;

namespace Leefkracht.Cli;

/// <summary>
/// The command line's parse errors in the user's language. System.CommandLine words them in English (it ships no
/// Dutch), and its errors carry only the message: the common ones are recognised by their English wording and said
/// again from Texts.resx (<c>parse_*</c>), with the names and values they quote; any other stays as it is.
/// </summary>
internal static partial class ParseErrorText
{
    /// <summary>The error's message in the user's language (<see cref="CultureInfo.CurrentUICulture"/>).</summary>
    public static string Word(ParseError error)
    {
        ArgumentNullException.ThrowIfNull(error);
        var message = error.Message;
        foreach (var (pattern, key) in Known)
        {
            if (pattern.Match(message) is { Success: true } match)
            {
                return Texts.Instance.Format(key, [.. match.Groups.Cast<Group>().Skip(1).Select(g => g.Value)]);
            }
        }

        return message;
    }

    private static readonly (Regex Pattern, string Key)[] Known =
    [
        (Unrecognized(), "parse_unrecognized"),
        (CannotParseOption(), "parse_option_value"),
        (OptionRequired(), "parse_option_required"),
        (OptionArgumentMissing(), "parse_option_argument_missing"),
        (CommandArgumentMissing(), "parse_command_argument_missing"),
        (SingleArgument(), "parse_single_argument"),
    ];

    [GeneratedRegex(@"^Unrecognized command or argument '(.*)'\.$")]
    private static partial Regex Unrecognized();

    [GeneratedRegex(@"^Cannot parse argument '(.*)' for option '(.*)' as expected type '.*'\.")]
    private static partial Regex CannotParseOption();

    [GeneratedRegex(@"^Option '(.*)' is required\.$")]
    private static partial Regex OptionRequired();

    [GeneratedRegex(@"^Required argument missing for option: '(.*)'\.$")]
    private static partial Regex OptionArgumentMissing();

    [GeneratedRegex(@"^Required argument '(.*)' missing for command: '(.*)'\.$")]
    private static partial Regex CommandArgumentMissing();

    [GeneratedRegex(@"^Option '(.*)' expects a single argument but (\d+) were provided\.$")]
    private static partial Regex SingleArgument();
}
