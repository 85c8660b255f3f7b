using System.Globalization;
using System.Text.Json;
using Leefkracht.Web.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Localization;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;

namespace Leefkracht.Web.Tests;

/// <summary>
/// A request that fails on the server answers problem details in the reader's language (<see cref="ServerFailures"/>):
/// a real SQLite file that is no database is a 503 with the driver's text as the detail, anything else a 500 without
/// the programmer's English.
/// </summary>
public sealed class ServerFailuresTests : IDisposable
{
    private readonly TempFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    [Theory]
    [InlineData("nl", "De database is niet bruikbaar", "het databasebestand is beschadigd of geen database van Leefkracht")]
    [InlineData("en", "The database cannot be used", "the database file is damaged or not a Leefkracht database")]
    public async Task DatabaseThatIsNoDatabase_Answers503_InTheReadersLanguage(string language, string title, string detail)
    {
        // Given: the error a real SQLite connection gives on a file of text
        var path = _folder.Write("store.db", string.Concat(Enumerable.Repeat("dit is geen database; ", 200)));
        var failure = Should.Throw<SqliteException>(() =>
        {
            using var connection = new SqliteConnection($"Data Source={path};Pooling=False");
            connection.Open();
            using var command = connection.CreateCommand();
            command.CommandText = "SELECT count(*) FROM sqlite_master";
            command.ExecuteScalar();
        });

        // When
        var (status, body) = await HandleAsync(failure, language);

        // Then
        status.ShouldBe(503);
        body.GetProperty("title").GetString().ShouldBe(title);
        body.GetProperty("detail").GetString().ShouldStartWith(detail);
        body.GetProperty("detail").GetString().ShouldEndWith("SQLite Error 26: 'file is not a database'.)");
        body.GetProperty("code").GetString().ShouldBe("Sqlite.Corrupt");
    }

    [Fact]
    public async Task AProgrammersMistake_Answers500_InWords_WithoutItsEnglishMessage()
    {
        var (status, body) = await HandleAsync(new InvalidOperationException("Sequence contains no elements"), "nl");

        status.ShouldBe(500);
        body.GetProperty("title").GetString().ShouldBe("Onverwachte fout");
        body.GetProperty("detail").GetString().ShouldBe("er ging op de server iets onverwachts mis; de fout is vastgelegd in het logboek van de server");
        body.ToString().ShouldNotContain("Sequence");
    }

    private static async Task<(int Status, JsonElement Body)> HandleAsync(Exception exception, string language)
    {
        var services = new ServiceCollection().AddLogging().AddProblemDetails().BuildServiceProvider();
        var context = new DefaultHttpContext { RequestServices = services };
        context.Response.Body = new MemoryStream();
        var culture = new CultureInfo(language);
        context.Features.Set<IRequestCultureFeature>(new RequestCultureFeature(new RequestCulture(culture, culture), provider: null));
        var handler = new ServerFailures(services.GetRequiredService<Microsoft.AspNetCore.Http.IProblemDetailsService>(), NullLogger<ServerFailures>.Instance);

        (await handler.TryHandleAsync(context, exception, TestContext.Current.CancellationToken)).ShouldBeTrue();

        context.Response.Body.Position = 0;
        return (context.Response.StatusCode, JsonDocument.Parse(context.Response.Body).RootElement.Clone());
    }
}
