using System.CommandLine.Parsing;
using System.Text.RegularExpressions;

namespace Leefkracht.Cli;

/// <summary>
/// The command line's parse errors in the user's language. System.CommandLine words them in English (it ships no
/// Dutch), and its errors carry only the message: the common ones are recognised by their English wording and said
/// again from Texts.resx (<c>parse_*</c>), with the names and values they quote; any other stays as it is. The
/// patterns follow the library's English resources (System.CommandLine 3.0.0, <c>Properties/Resources.resx</c>).
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
                return Texts.Instance.Format(key, [.. match.Groups.Cast<Group>().Skip(1).Select(g => Choices(g.Value))]);
            }
        }

        return message;
    }

    /// <summary>Whether the error is "Required command was not provided.": a command that needs a subcommand got none.</summary>
    public static bool IsMissingCommand(ParseError error) => error?.Message == "Required command was not provided.";

    /// <summary>The library lists choices one a line ("\n\t'summary'\n\t'trajectory'"); a sentence lists them with commas.</summary>
    private static string Choices(string value) =>
        value.Contains('\n', StringComparison.Ordinal)
            ? string.Join(", ", value.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Select(c => c.Trim('\'')))
            : value;

    private static readonly (Regex Pattern, string Key)[] Known =
    [
        (Unrecognized(), "parse_unrecognized"),
        (CannotParseWithChoices(), "parse_value_choices"),
        (CannotParseOption(), "parse_option_value"),
        (CannotParseCommandArgument(), "parse_option_value"),
        (CannotParse(), "parse_value"),
        (NotAmong(), "parse_not_among"),
        (VersionAlone(), "parse_version_alone"),
        (ResponseFileMissing(), "parse_response_file"),
        (ResponseFileError(), "parse_response_file_error"),
        (FileMissing(), "parse_file_missing"),
        (OptionRequired(), "parse_option_required"),
        (OptionArgumentMissing(), "parse_option_argument_missing"),
        (CommandArgumentMissing(), "parse_command_argument_missing"),
        (SingleArgument(), "parse_single_argument"),
    ];

    [GeneratedRegex(@"^Unrecognized command or argument '(.*)'\.$")]
    private static partial Regex Unrecognized();

    [GeneratedRegex(@"^Cannot parse argument '(.*)' for (?:option|command) '(.*)' as expected type '.*'\. Did you mean one of the following\?(.*)$", RegexOptions.Singleline)]
    private static partial Regex CannotParseWithChoices();

    [GeneratedRegex(@"^Cannot parse argument '(.*)' for option '(.*)' as expected type '.*'\.")]
    private static partial Regex CannotParseOption();

    [GeneratedRegex(@"^Cannot parse argument '(.*)' for command '(.*)' as expected type '.*'\.")]
    private static partial Regex CannotParseCommandArgument();

    [GeneratedRegex(@"^Cannot parse argument '(.*)' as expected type '.*'\.$")]
    private static partial Regex CannotParse();

    [GeneratedRegex(@"^Argument '(.*)' not recognized\. Must be one of:(.*)$", RegexOptions.Singleline)]
    private static partial Regex NotAmong();

    [GeneratedRegex(@"^(.*) option cannot be combined with other arguments\.$")]
    private static partial Regex VersionAlone();

    [GeneratedRegex(@"^Response file not found '(.*)'\.$")]
    private static partial Regex ResponseFileMissing();

    [GeneratedRegex(@"^Error reading response file '(.*)': (.*)$", RegexOptions.Singleline)]
    private static partial Regex ResponseFileError();

    [GeneratedRegex(@"^(?:File|Directory|File or directory) does not exist: '(.*)'\.$")]
    private static partial Regex FileMissing();

    [GeneratedRegex(@"^Option '(.*)' is required\.$")]
    private static partial Regex OptionRequired();

    [GeneratedRegex(@"^Required argument missing for option: '(.*)'\.$")]
    private static partial Regex OptionArgumentMissing();

    [GeneratedRegex(@"^Required argument '(.*)' missing for command: '(.*)'\.$")]
    private static partial Regex CommandArgumentMissing();

    [GeneratedRegex(@"^Option '(.*)' expects a single argument but (\d+) were provided\.$")]
    private static partial Regex SingleArgument();
}
