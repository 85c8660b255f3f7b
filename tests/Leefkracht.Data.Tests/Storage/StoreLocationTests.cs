using Npgsql;

namespace Leefkracht.Data.Tests.Storage;

/// <summary>What <c>--db</c> / <c>LEEFKRACHT_DB</c> mean, and that a password never shows.</summary>
public sealed class StoreLocationTests
{
    [Theory]
    [InlineData("leefkracht.db")]
    [InlineData("/home/ana/data/leefkracht.db")]
    [InlineData("/tmp/odd=name;file.db")]
    public void Parse_FilePath_IsSqlite(string setting)
    {
        var location = StoreLocation.Parse(setting);

        location.Kind.ShouldBe(StoreKind.Sqlite);
        location.Path.ShouldBe(setting);
        location.Display.ShouldBe(setting);
    }

    [Fact]
    public void Parse_ConnectionString_IsPostgresAndShowsNoPassword()
    {
        var location = StoreLocation.Parse("Host=db.example;Port=5433;Database=leefkracht;Username=monitor;Password='Ge#heim;1'");

        location.Kind.ShouldBe(StoreKind.Postgres);
        location.Display.ShouldBe("postgresql://monitor@db.example:5433/leefkracht");
        location.ToString().ShouldNotContain("Ge#heim");
        new NpgsqlConnectionStringBuilder(location.ConnectionString).Password.ShouldBe("Ge#heim;1");
    }

    [Fact]
    public void Parse_Url_BecomesAnNpgsqlConnectionStringAndShowsNoPassword()
    {
        var location = StoreLocation.Parse("postgresql://monitor:p%40ss%3Aword@127.0.0.1:55432/leefkracht?sslmode=disable&application_name=wijk");

        location.Kind.ShouldBe(StoreKind.Postgres);
        location.Display.ShouldBe("postgresql://monitor@127.0.0.1:55432/leefkracht");
        var builder = new NpgsqlConnectionStringBuilder(location.ConnectionString);
        builder.Host.ShouldBe("127.0.0.1");
        builder.Port.ShouldBe(55432);
        builder.Database.ShouldBe("leefkracht");
        builder.Username.ShouldBe("monitor");
        builder.Password.ShouldBe("p@ss:word");
        builder.SslMode.ShouldBe(SslMode.Disable);
        builder.ApplicationName.ShouldBe("wijk");
    }

    [Fact]
    public void Parse_UnknownConnectionStringKey_SaysWhichWithoutThePassword()
    {
        var error = Should.Throw<StoreUnavailableException>(() => StoreLocation.Parse("Host=db;Password=geheim;Colour=blue"));

        error.Problem.ShouldBe(StoreProblem.InvalidSetting);
        error.Message.ShouldContain("colour");
        error.Message.ShouldNotContain("geheim");
    }

    [Fact]
    public void Parse_UrlWithUnknownParameter_IsInvalidSetting()
    {
        var error = Should.Throw<StoreUnavailableException>(() => StoreLocation.Parse("postgresql://u:geheim@db/leefkracht?colour=blue"));

        error.Problem.ShouldBe(StoreProblem.InvalidSetting);
        error.Message.ShouldContain("'colour'");
        error.Message.ShouldNotContain("geheim");
    }

    [Fact]
    public async Task Open_NoServerListening_IsUnreachableWithWhatToDo()
    {
        // Port 1 on loopback: nothing listens there, the connection is refused at once.
        var error = await Should.ThrowAsync<StoreUnavailableException>(() =>
            MonitorStores.OpenAsync("Host=127.0.0.1;Port=1;Database=leefkracht;Username=u;Password=geheim;Timeout=5", TimeProvider.System, TestStore.Schema, TestContext.Current.CancellationToken));

        error.Problem.ShouldBe(StoreProblem.Unreachable);
        error.Message.ShouldBe("postgresql://u@127.0.0.1:1/leefkracht: no PostgreSQL server answers (Connection refused); start the server or correct Host/Port");
    }
}
