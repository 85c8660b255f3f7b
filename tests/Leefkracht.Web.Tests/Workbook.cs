using MiniExcelLibs;

namespace Leefkracht.Web.Tests;

/// <summary>An .xlsx download as its reader sees it: the one sheet's name and its cells, row by row (header first).</summary>
internal sealed record Workbook(string Name, IReadOnlyList<IReadOnlyList<object?>> Rows)
{
    public static Workbook Read(byte[] xlsx)
    {
        using var stream = new MemoryStream(xlsx);
        var name = MiniExcel.GetSheetNames(stream).Single();
        stream.Position = 0;
        var rows = MiniExcel.Query(stream, useHeaderRow: false, sheetName: name)
            .Cast<IDictionary<string, object?>>()
            .Select(row => (IReadOnlyList<object?>)[.. row.Values])
            .ToList();
        return new Workbook(name, rows);
    }
}
