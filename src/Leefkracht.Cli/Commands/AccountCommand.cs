using Leefkracht.Wijkaanpak.Domain;
using Leefkracht.Wijkaanpak.Storage;

namespace Leefkracht.Cli.Commands;

/// <summary>
/// <c>leefkracht account add --name N --party P --role R</c>: creates a wijkaanpak account, typically the first
/// admin. The password is read from standard input (one line) or asked twice at the terminal without echo — never
/// taken from the command line, where the shell history and the process list would keep it.
/// </summary>
internal static class AccountCommand
{
    public static Command Create(CliEnvironment environment, GlobalOptions global)
    {
        var name = new Option<string>("--name") { Description = "The user name to sign in with", Required = true };
        var party = new Option<string>("--party") { Description = "The party (organisation) the account belongs to, by name", Required = true };
        var partyType = new Option<string?>("--party-type") { Description = "Create the party if it does not exist: gemeente, corporatie, zorg, welzijn, politie or bewoners" };
        var role = new Option<string>("--role") { Description = "admin, coordinator, partner or bewoner", Required = true };
        var displayName = new Option<string?>("--display-name") { Description = "The name shown to others (default: the user name)" };
        var add = new Command("add", "Create an account; the password is read from standard input or asked without echo") { name, party, partyType, role, displayName };
        add.SetAction(async (result, cancellationToken) =>
        {
            if (!WireCodes.TryParse(result.GetValue(role), out Role accountRole))
            {
                await environment.Error.WriteLineAsync(Texts.Instance.Format("account_role", WireCodes.Choices<Role>())).ConfigureAwait(false);
                return ExitCodes.InvalidInput;
            }

            await using var store = await WijkaanpakStores.OpenAsync(environment.DatabasePath(result.GetValue(global.Database)), environment.Clock, cancellationToken).ConfigureAwait(false);
            var userName = result.GetValue(name)!.Trim();
            if (userName.Length == 0 || await store.FindAccountAsync(userName, cancellationToken).ConfigureAwait(false) is not null)
            {
                await environment.Error.WriteLineAsync(Texts.Instance.Format("account_exists", userName)).ConfigureAwait(false);
                return ExitCodes.InvalidInput;
            }

            var actor = new AuditActor(null, "leefkracht account add");
            var partyName = result.GetValue(party)!.Trim();
            var found = (await store.ListPartiesAsync(cancellationToken).ConfigureAwait(false)).FirstOrDefault(p => string.Equals(p.Name, partyName, StringComparison.OrdinalIgnoreCase));
            if (found is null)
            {
                if (!WireCodes.TryParse(result.GetValue(partyType), out PartyType type))
                {
                    await environment.Error.WriteLineAsync(Texts.Instance.Format("account_no_party", partyName, WireCodes.Choices<PartyType>())).ConfigureAwait(false);
                    return ExitCodes.InvalidInput;
                }

                found = await store.CreatePartyAsync(partyName, type, actor, cancellationToken).ConfigureAwait(false);
            }

            var (password, differ) = ReadPassword(environment);
            if (differ)
            {
                await environment.Error.WriteLineAsync(Texts.Instance["account_password_differ"]).ConfigureAwait(false);
                return ExitCodes.InvalidInput;
            }

            if (password is null || password.Length < Passwords.MinimumLength)
            {
                await environment.Error.WriteLineAsync(Texts.Instance.Format("account_password", Passwords.MinimumLength)).ConfigureAwait(false);
                return ExitCodes.InvalidInput;
            }

            var account = await store.CreateAccountAsync(
                new AccountRecord(0, userName, result.GetValue(displayName)?.Trim() is { Length: > 0 } shown ? shown : userName, found.Id, accountRole, Passwords.Hash(password), false, 0, null, 1),
                actor,
                cancellationToken).ConfigureAwait(false);
            environment.Out.MarkupLine(Markup.Escape(Texts.Instance.Format("account_created", account.UserName, accountRole.Code(), found.Name)));
            return ExitCodes.Success;
        });
        return new Command("account", "Wijkaanpak accounts (docs/wijkaanpak.md)") { add };
    }

    /// <summary>
    /// One line from standard input when it is redirected; else asked twice at the terminal, without echo, in the
    /// user's language (<paramref name="environment"/>'s prompts); <c>Differ</c> when the two answers are not the same.
    /// </summary>
    private static (string? Password, bool Differ) ReadPassword(CliEnvironment environment)
    {
        if (!environment.InputIsTerminal)
        {
            return (environment.Input.ReadLine()?.TrimEnd('\r', '\n'), false);
        }

        var first = environment.Out.Prompt(new TextPrompt<string>(Markup.Escape(Texts.Instance["account_password_prompt"])).Secret());
        var second = environment.Out.Prompt(new TextPrompt<string>(Markup.Escape(Texts.Instance["account_password_again"])).Secret());
        return first == second ? (first, false) : (null, true);
    }
}
