using Leefkracht.Monitor.Monitoring;
using Leefkracht.Web.Hosting;
using Leefkracht.Web.Monitor;
using Microsoft.Extensions.DependencyInjection;

namespace Leefkracht.Web.Tests;

/// <summary>
/// Two instances of the dashboard on one PostgreSQL database share the stored results (issue 17): started at the same
/// moment on a freshly imported store, both warm up and answer the same profile, and each of the year's scores and
/// resilience is computed by one of them (an advisory lock per result) and read by the other.
/// </summary>
public sealed class SharedResultsTests
{
    public static bool IsPostgresRun => TestStore.IsPostgresRun;

    [Fact(SkipUnless = nameof(IsPostgresRun), Skip = "PostgreSQL pass only (scripts/test.sh): SQLite stores serve one process at a time")]
    public async Task TwoInstancesStartingOnOneFreshPostgresDatabase_ComputeTheYearsResultsOnce_AndAnswerTheSameProfile()
    {
        var cancellationToken = TestContext.Current.CancellationToken;
        using var store = TestStore.Create();
        await using (var writer = store.Open())
        {
            await Stores.ImportAsync(writer, Path.Combine(TestData.RepositoryRoot, "data", "sample", "utrecht"));
        }

        await using var first = DashboardApp.Create(new DashboardOptions(store.Setting), ["--urls", "http://127.0.0.1:0"]);
        await using var second = DashboardApp.Create(new DashboardOptions(store.Setting), ["--urls", "http://127.0.0.1:0"]);
        await Task.WhenAll(first.StartAsync(cancellationToken), second.StartAsync(cancellationToken));
        try
        {
            // Both asked at once while their warmers run: the first request of each waits for the same results.
            var profiles = await Task.WhenAll(new[] { first, second }.Select(async app =>
            {
                using var client = new HttpClient { BaseAddress = new Uri(app.ListeningAddress()!.TrimEnd('/') + "/"), Timeout = TimeSpan.FromMinutes(5) };
                using var response = await client.GetAsync(new Uri("api/v1/areas/BU03440111?year=2024", UriKind.Relative), cancellationToken);
                response.EnsureSuccessStatusCode();
                return await response.Content.ReadAsStringAsync(cancellationToken);
            }));

            profiles[0].ShouldContain("\"BU03440111\"");
            profiles[1].ShouldBe(profiles[0]);
            var monitors = new[] { first, second }.Select(app => app.Services.GetRequiredService<DashboardMonitor>().Monitor).ToList();
            monitors.Sum(m => m.StoredResultsComputedOf(MonitorService.ScoredYearKind)).ShouldBe(1, "the year's scores were computed by both instances");
            monitors.Sum(m => m.StoredResultsComputedOf(MonitorService.ResilienceYearKind)).ShouldBe(1, "the year's resilience was computed by both instances");
        }
        finally
        {
            await Task.WhenAll(first.StopAsync(CancellationToken.None), second.StopAsync(CancellationToken.None));
        }
    }
}
