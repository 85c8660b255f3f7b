using System.CommandLine.Help;
using System.CommandLine.Invocation;
using Leefkracht.Core.Text;

namespace Leefkracht.Cli;

/// <summary>
/// <c>--help</c> in the user's language. System.CommandLine words its help in English and keeps its help builder and
/// localization internal, so the help option gets this action instead: the same sections (description, usage,
/// arguments, options, commands), headings from Texts.resx (<c>help_*</c>) and each command's, option's and argument's
/// description from HelpTexts.resx, named by its path (<c>leefkracht fetch kwb --year</c>); a symbol without words
/// there keeps the description its command gave it.
/// </summary>
internal sealed class HelpTexts : SynchronousCommandLineAction
{
    private static readonly Words Words = new(typeof(HelpTexts));
    private readonly CliEnvironment _environment;

    private HelpTexts(CliEnvironment environment) => _environment = environment;

    /// <summary>Gives the help option of <paramref name="root"/> (recursive, so every command's) this action.</summary>
    public static void Install(RootCommand root, CliEnvironment environment)
    {
        foreach (var help in root.Options.OfType<HelpOption>())
        {
            help.Action = new HelpTexts(environment);
        }
    }

    /// <summary>Writes the help of <paramref name="command"/> (a command the user did not finish, such as a bare <c>leefkracht</c>).</summary>
    public static void Write(Command command, CliEnvironment environment) => new HelpTexts(environment).Write(command);

    /// <summary>Help is shown even when the rest of the command line is incomplete (<c>leefkracht show --help</c>).</summary>
    public override bool ClearsParseErrors => true;

    public override int Invoke(ParseResult parseResult)
    {
        ArgumentNullException.ThrowIfNull(parseResult);
        Write(parseResult.CommandResult.Command);
        return ExitCodes.Success;
    }

    private void Write(Command command)
    {
        var texts = Texts.Instance;
        var path = Path(command);
        var output = new System.Text.StringBuilder();
        if (Describe(command, path) is { Length: > 0 } description)
        {
            output.AppendLine(texts["help_description"]);
            foreach (var line in Wrap(description, Math.Max(20, _environment.Out.Profile.Width - 3)))
            {
                output.Append("  ").AppendLine(line);
            }

            output.AppendLine();
        }

        var options = Options(command).ToList();
        var subcommands = command.Subcommands.Where(c => !c.Hidden).ToList();
        var usage = new List<string> { path };
        usage.AddRange(command.Arguments.Where(a => !a.Hidden).Select(a => $"<{a.Name}>"));
        if (subcommands.Count > 0)
        {
            usage.Add(texts["help_usage_command"]);
        }

        if (options.Count > 0)
        {
            usage.Add(texts["help_usage_options"]);
        }

        output.AppendLine(texts["help_usage"]).Append("  ").AppendJoin(' ', usage).AppendLine().AppendLine();
        Section(output, texts["help_arguments"], command.Arguments.Where(a => !a.Hidden).Select(a => ($"<{a.Name}>", Describe(a, $"{path} <{a.Name}>"))));
        Section(output, texts["help_options"], options.Select(o => (Label(o.Option), Describe(o.Option, o.Path, o.Option.Required))));
        Section(output, texts["help_commands"], subcommands.Select(c => (c.Name + string.Concat(c.Arguments.Where(a => !a.Hidden).Select(a => $" <{a.Name}>")), Describe(c, $"{path} {c.Name}"))));
        _environment.Out.Profile.Out.Writer.Write(output.ToString());
    }

    /// <summary>Two columns, the second wrapped at the terminal's width and indented under itself.</summary>
    private void Section(System.Text.StringBuilder output, string heading, IEnumerable<(string First, string Second)> rows)
    {
        var list = rows.ToList();
        if (list.Count == 0)
        {
            return;
        }

        output.AppendLine(heading);
        var first = list.Max(r => r.First.Length) + 4;
        var room = Math.Max(20, _environment.Out.Profile.Width - first - 1);
        foreach (var (label, text) in list)
        {
            var lines = Wrap(text, room).ToList();
            output.Append("  ").Append(label.PadRight(first - 2)).AppendLine(lines.Count > 0 ? lines[0] : string.Empty);
            foreach (var line in lines.Skip(1))
            {
                output.Append(' ', first).AppendLine(line);
            }
        }

        output.AppendLine();
    }

    private static IEnumerable<string> Wrap(string text, int width)
    {
        var line = new System.Text.StringBuilder();
        foreach (var word in text.Split(' ', StringSplitOptions.RemoveEmptyEntries))
        {
            if (line.Length > 0 && line.Length + 1 + word.Length > width)
            {
                yield return line.ToString();
                line.Clear();
            }

            line.Append(line.Length > 0 ? " " : string.Empty).Append(word);
        }

        if (line.Length > 0)
        {
            yield return line.ToString();
        }
    }

    /// <summary>The command's options and the recursive ones of its ancestors, each with the path its words are named by.</summary>
    private static IEnumerable<(Option Option, string Path)> Options(Command command)
    {
        var own = command.Options.Where(o => !o.Hidden).OrderBy(o => o is HelpOption or VersionOption).Select(o => (o, $"{Path(command)} {o.Name}"));
        var inherited = Ancestors(command).Skip(1)
            .SelectMany(a => a.Options.Where(o => o.Recursive && !o.Hidden).Select(o => (o, $"{Path(a)} {o.Name}")));
        return own.Concat(inherited).DistinctBy(o => o.o.Name);
    }

    private static string Label(Option option)
    {
        var names = option.Aliases.Append(option.Name).Where(n => !n.StartsWith('/')).Distinct().OrderBy(n => n.Length).ThenBy(n => n, StringComparer.Ordinal);
        var takesValue = option.ValueType != typeof(bool) && option.Arity.MaximumNumberOfValues > 0;
        return string.Join(", ", names) + (takesValue ? $" <{option.HelpName ?? option.Name.TrimStart('-')}>" : string.Empty);
    }

    private static string Describe(Symbol symbol, string path, bool required = false)
    {
        var text = Description(symbol, path) ?? symbol.Description ?? string.Empty;
        return required ? $"{text} {Texts.Instance["help_required"]}" : text;
    }

    /// <summary>
    /// The words of a symbol in the UI language: by its path, else, for an option or argument that many commands share
    /// (<c>--format</c>, <c>--year</c>), by its name alone (<c>* --format</c>); null when HelpTexts.resx has none.
    /// </summary>
    internal static string? Description(Symbol symbol, string path) =>
        Words.Find(path) ?? (symbol is Command ? null : Words.Find("* " + path[(path.LastIndexOf(' ') + 1)..]));

    /// <summary>Every command, option and argument of the tree with the path its words are named by (for the tests).</summary>
    internal static IEnumerable<(Symbol Symbol, string Path)> Symbols(Command command)
    {
        var path = Path(command);
        yield return (command, path);
        foreach (var option in command.Options.Where(o => !o.Hidden))
        {
            yield return (option, $"{path} {option.Name}");
        }

        foreach (var argument in command.Arguments.Where(a => !a.Hidden))
        {
            yield return (argument, $"{path} <{argument.Name}>");
        }

        foreach (var symbol in command.Subcommands.SelectMany(Symbols))
        {
            yield return symbol;
        }
    }

    private static string Path(Command command) => string.Join(' ', Ancestors(command).Reverse().Select(c => c is RootCommand ? "leefkracht" : c.Name));

    private static IEnumerable<Command> Ancestors(Command command)
    {
        for (Symbol? symbol = command; symbol is Command c; symbol = c.Parents.FirstOrDefault())
        {
            yield return c;
        }
    }
}
