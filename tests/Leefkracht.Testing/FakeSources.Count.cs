using System.Globalization;
using System.Text;
using Microsoft.AspNetCore.Http;

namespace Leefkracht.Testing;

/// <summary>
/// OData's <c>$count</c> in the fake StatLine feed: <c>{table}/TypedDataSet/$count?$filter=…</c> answers the number of
/// rows the filter gives as plain text (<c>text/plain</c>, no JSON), with an ETag and 304 like a page, as CBS's feed
/// does and the public clients of it read it (<c>int(response.text)</c>). The fetchers ask it for the total of their
/// progress bar.
/// </summary>
public sealed partial class FakeSources
{
    /// <summary>Whether the feed answers <c>$count</c> with 404, as a feed without the segment would.</summary>
    public bool RefuseCount { get; set; }

    /// <summary>The statuses sent for the <c>$count</c> of a table's TypedDataSet, in order.</summary>
    public List<int> CountStatuses(string table) => StatusesOf($"/{table}/TypedDataSet/$count");

    private Task AnswerCountAsync(HttpContext context, string table, string set)
    {
        var url = context.Request.Path + context.Request.QueryString;
        var filter = (string?)context.Request.Query["$filter"];
        int? count = set != "TypedDataSet" || RefuseCount ? null
            : _series.TryGetValue(table, out var series) ? series.Rows.Count(r => Clauses(filter).All(c => c(r)))
            : _tables.TryGetValue(table, out var data) ? data.Rows.Count(r => Matches(filter, r["WijkenEnBuurten"], "WijkenEnBuurten"))
            : null;
        return count is { } rows
            ? SendPageAsync(context, url, null, Encoding.UTF8.GetBytes(rows.ToString(CultureInfo.InvariantCulture)), "text/plain;charset=utf-8")
            : Send(context, url, 404, """{"odata.error":{"code":"","message":{"lang":"en-US","value":"Table not found."}}}"""u8.ToArray());
    }
}
