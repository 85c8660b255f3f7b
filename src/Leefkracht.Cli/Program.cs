using Leefkracht.Cli;

return await CliApp.RunAsync(args, CliEnvironment.System).ConfigureAwait(false);
