using Leefkracht.Core.Areas;
using Leefkracht.Data.Catalog;
using Leefkracht.Data.Import;
using Leefkracht.Fetch.Http;
using Leefkracht.Fetch.Postcodes;
using Microsoft.Extensions.Time.Testing;

namespace Leefkracht.Fetch.Tests;

/// <summary>
/// The PC4 crosswalk <c>fetch lbm</c> brings: CBS's postcode-huisnummer file of a year (the fake's, whose address lines
/// spell out the real address counts of Den Haag's PC4 → wijk 2019 grenswijzigen crosswalk), counted per PC4 and wijk
/// into a real store.
/// </summary>
public sealed class PostcodeCrosswalkFetchTests : IAsyncLifetime
{
    private FakeSources _fake = null!;

    public async ValueTask InitializeAsync()
    {
        _fake = await FakeSources.StartAsync();
        _fake.ServeDenHaagPostcodes2019();
    }

    public ValueTask DisposeAsync() => _fake.DisposeAsync();

    [Fact]
    public async Task TheAddresses_CountedPerPc4AndWijk_GiveBackTheCrosswalkTheyWereCountedFor_AndASecondFetchChangesNothing()
    {
        using var store = TestStore.Create();
        var expected = FakeSources.DenHaagCrosswalkLinks().ToDictionary(l => (l.Postcode, l.Wijk), l => (double)l.Addresses);

        var first = await FetchAsync(store, 2019);
        var afterFirst = store.Snapshot();
        var second = await FetchAsync(store, 2019);

        first.Import.Outcome.ShouldBe(ImportOutcome.Stored);
        first.Import.Origin!.Url.ShouldBe(_fake.PostcodeTemplate.Replace("{year}", "2019", StringComparison.Ordinal));
        first.Addresses.ShouldBe((int)expected.Values.Sum());
        first.Wijken.ShouldBe(expected.Keys.Select(k => k.Wijk).Distinct().Count());
        first.Gemeenten.ShouldBe(1);
        await using (var opened = store.Open())
        {
            var links = await opened.LoadPostcodeCrosswalkAsync(AreaLevel.Wijk, 2019, 2019, TestContext.Current.CancellationToken);
            links.ToDictionary(l => (l.Postcode, Wijk: l.To.Value), l => l.Addresses).ShouldBe(expected, ignoreOrder: true);
            links.ShouldAllBe(l => l.Variant == "pc6_huisnummer");
        }

        second.Transfer.Downloaded.ShouldBe(0);
        second.Import.Outcome.ShouldBe(ImportOutcome.AlreadyImported);
        store.Snapshot().ShouldBe(afterFirst);
    }

    [Fact]
    public async Task ALineThatIsNotAnAddress_StopsTheFetch_NamingTheLine_AndNothingIsStored()
    {
        _fake.ServePostcodeFile(2020, "PC6;Huisnummer;Buurt2020;Wijk2020;Gemeente2020\n2491AA;1;5180101;51801;518\n24X1AB;2;5180101;51801;518\n");
        using var store = TestStore.Create();
        await using (store.Open())
        {
            // Opening creates the store's tables, so that there is something to compare.
        }

        var before = store.Snapshot();
        using var english = UiLanguage.English();

        var failure = await Should.ThrowAsync<FetchException>(() => FetchAsync(store, 2020));

        failure.Message.ShouldContain("pc6hnr20200801_gwb.csv, line 3: not a postcode with a wijk and gemeente code: '24X1AB;2;5180101;51801;518'");
        store.Snapshot().ShouldBe(before);
    }

    [Fact]
    public void AYearWithoutAKnownFile_HasNoAddress_UnlessATemplateGivesOne()
    {
        var options = new FetchOptions { CacheFolder = _fake.CacheFolder };

        PostcodeCrosswalkFetcher.AddressFor(options, 2019).ShouldBe(new Uri("https://www.cbs.nl/-/media/_excel/2019/42/2019-cbs-pc6huisnr20190801_buurt.zip"));
        PostcodeCrosswalkFetcher.AddressFor(options, 2025).ShouldBeNull();
        PostcodeCrosswalkFetcher.AddressFor(options with { PostcodeTemplate = "https://mirror.example/pc6-{year}.zip" }, 2025).ShouldBe(new Uri("https://mirror.example/pc6-2025.zip"));
    }

    private async Task<PostcodeCrosswalkResult> FetchAsync(TestStore store, int year)
    {
        var options = KwbFetchTests.TestOptions(_fake.Feed, _fake.CacheFolder) with { PostcodeTemplate = _fake.PostcodeTemplate };
        using var client = new FetchClient(options);
        await using var opened = store.Open();
        return await new PostcodeCrosswalkFetcher(client, options, opened, CatalogDocument.Default, new FakeTimeProvider(TestStore.FixedNow))
            .FetchAsync(year, TestContext.Current.CancellationToken);
    }
}
