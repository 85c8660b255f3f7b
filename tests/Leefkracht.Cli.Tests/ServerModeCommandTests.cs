using System.Text.Json;

namespace Leefkracht.Cli.Tests;

/// <summary>
/// <c>backup</c>, <c>restore</c> and the errors of <c>--db</c>, on the run's database (SQLite, or PostgreSQL in the
/// PostgreSQL pass).
/// </summary>
public sealed class ServerModeCommandTests(SampleDatabase database) : IDisposable
{
    private readonly string _folder = Directory.CreateDirectory(Path.Combine(Path.GetTempPath(), "leefkracht-cli-tests", Guid.NewGuid().ToString("N"))).FullName;
    private readonly List<TestStore> _stores = [];

    public void Dispose()
    {
        Directory.Delete(_folder, recursive: true);
        foreach (var store in _stores)
        {
            store.Dispose();
        }
    }

    [Fact]
    public async Task BackupThenRestore_WholeSample_GivesTheSameImportsAndValues()
    {
        // Given: a backup of the sample database
        var backup = Path.Combine(_folder, "sample.zip");
        var written = await CliRunner.RunAsync("backup", backup, "--db", database.Path);
        written.ExitCode.ShouldBe(0, written.Error);
        written.Out.ShouldContain("observations: ");

        // When: it is restored into an empty database
        var target = NewStore();
        var restored = await CliRunner.RunAsync("restore", backup, "--db", target.Setting, "--lang", "en");

        // Then
        restored.ExitCode.ShouldBe(0, restored.Error);
        restored.Out.ShouldContain("restored into");
        var original = await CliRunner.RunAsync("imports", "--db", database.Path, "--format", "json");
        var copy = await CliRunner.RunAsync("imports", "--db", target.Setting, "--format", "json");
        copy.Out.ShouldBe(original.Out);
        var show = await CliRunner.RunAsync("show", "BU03440111", "--db", target.Setting, "--year", "2023", "--format", "csv");
        show.Out.ShouldBe((await CliRunner.RunAsync("show", "BU03440111", "--db", database.Path, "--year", "2023", "--format", "csv")).Out);
    }

    [Fact]
    public async Task Restore_IntoTheSampleDatabase_IsRefusedWithoutForce()
    {
        var backup = Path.Combine(_folder, "sample.zip");
        (await CliRunner.RunAsync("backup", backup, "--db", database.Path)).ExitCode.ShouldBe(0);

        var result = await CliRunner.RunAsync("restore", backup, "--db", database.Path);

        result.ExitCode.ShouldBe(3);
        result.Error.ShouldContain("niet bruikbaar: the database already holds data; restore into an empty database, or pass --force to replace its data");
    }

    [Fact]
    public async Task Restore_NotABackup_IsInvalidInputAndChangesNothing()
    {
        var file = Path.Combine(_folder, "not-a-backup.zip");
        await File.WriteAllTextAsync(file, "area_code,year,indicator,value\n", TestContext.Current.CancellationToken);
        var target = NewStore();

        var result = await CliRunner.RunAsync("restore", file, "--db", target.Setting);

        result.ExitCode.ShouldBe(2);
        result.Error.ShouldBe("error: not-a-backup.zip: not a Leefkracht backup (not a zip file); nothing was changed\n");
        var imports = await CliRunner.RunAsync("imports", "--db", target.Setting, "--format", "json");
        JsonDocument.Parse(imports.Out).RootElement.GetArrayLength().ShouldBe(0);
    }

    [Fact]
    public async Task Backup_ExistingFile_IsRefused()
    {
        var file = Path.Combine(_folder, "exists.zip");
        await File.WriteAllTextAsync(file, "keep me", TestContext.Current.CancellationToken);

        var result = await CliRunner.RunAsync("backup", file, "--db", database.Path);

        result.ExitCode.ShouldBe(2);
        (await File.ReadAllTextAsync(file, TestContext.Current.CancellationToken)).ShouldBe("keep me");
    }

    [Fact]
    public async Task AnyCommand_UnreachablePostgres_ExitsWithThreeAndNeverShowsThePassword()
    {
        var result = await CliRunner.RunAsync("areas", "--db", "postgresql://monitor:Sesam-Open@127.0.0.1:1/leefkracht", "--lang", "en");

        result.ExitCode.ShouldBe(3);
        result.Error.ShouldBe("error: database postgresql://monitor@127.0.0.1:1/leefkracht cannot be used: no PostgreSQL server answers (Connection refused); start the server or correct Host/Port\n");
        (result.Out + result.Error).ShouldNotContain("Sesam");
    }

    private TestStore NewStore()
    {
        var store = TestStore.Create();
        _stores.Add(store);
        return store;
    }
}
