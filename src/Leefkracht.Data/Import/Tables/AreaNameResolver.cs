using System.Text.RegularExpressions;

namespace Leefkracht.Data.Import.Tables;

/// <summary>
/// Turns the area names of a StatLine export without codes (Heerlen's files) into codes, using the areas
/// the store already knows. Rows come in CBS order: the gemeente, then each wijk followed by its buurten.
/// </summary>
/// <remarks>
/// Per row: the gemeente's own name gives the gemeente; a name starting with "Wijk " is tried as a wijk first,
/// other names as a buurt of the wijk above them first. Exact name matches (case, accents and punctuation
/// ignored) win, from the division nearest the data year. A wijk that matches no known name falls back to
/// the number in its name ("Wijk 10 …" → WK…10). CBS itself sometimes names a wijk with the wrong number
/// (Heerlen 2016: WK091742 is called "Wijk 41 De Beitel"), which is why names come before numbers.
/// </remarks>
internal sealed partial class AreaNameResolver
{
    private readonly AreaDirectory _areas;
    private readonly AreaCode _gemeente;
    private readonly string _gemeenteKey;
    private readonly int _period;
    private AreaCode? _currentWijk;

    public AreaNameResolver(AreaDirectory areas, AreaCode gemeente, string gemeenteName, int period)
    {
        _areas = areas;
        _gemeente = gemeente;
        _gemeenteKey = Core.Indicators.ColumnName.Normalize(gemeenteName);
        _period = period;
    }

    public AreaCode Gemeente => _gemeente;

    /// <summary>Resolves one row's name; <paramref name="note"/> explains anything not obvious.</summary>
    public AreaCode? Resolve(string name, out string? note)
    {
        note = null;
        var key = Core.Indicators.ColumnName.Normalize(name);
        if (key == _gemeenteKey || key == "gemeente " + _gemeenteKey)
        {
            _currentWijk = null;
            return _gemeente;
        }

        if (key == "nederland")
        {
            return AreaCode.Nederland;
        }

        var looksLikeWijk = WijkPattern().IsMatch(name.Trim());
        var resolved = looksLikeWijk ? AsWijk(name, ref note) ?? AsBuurt(name, ref note) : AsBuurt(name, ref note) ?? AsWijk(name, ref note);
        if (resolved is { Level: AreaLevel.Wijk } wijk)
        {
            _currentWijk = wijk;
        }

        return resolved;
    }

    private AreaCode? AsWijk(string name, ref string? note)
    {
        if (_areas.ResolveName(name, AreaLevel.Wijk, _gemeente, _period) is { } found)
        {
            if (found.Division != _period)
            {
                note = ImportWords.Words.Format("Note.OtherDivision", found.Division);
            }

            return found.Code;
        }

        var match = WijkPattern().Match(name.Trim());
        if (match.Success && AreaCode.TryParse(string.Concat("WK", _gemeente.GemeenteNumber, match.Groups[1].Value), out var byNumber))
        {
            note = ImportWords.Words.Format("Note.WijkByNumber", byNumber);
            return byNumber;
        }

        return null;
    }

    private AreaCode? AsBuurt(string name, ref string? note)
    {
        if (_currentWijk is { } wijk && _areas.ResolveName(name, AreaLevel.Buurt, wijk, _period) is { } inWijk)
        {
            if (inWijk.Division != _period)
            {
                note = ImportWords.Words.Format("Note.OtherDivision", inWijk.Division);
            }

            return inWijk.Code;
        }

        if (_areas.ResolveName(name, AreaLevel.Buurt, _gemeente, _period) is { } inGemeente)
        {
            note = _currentWijk is { } w
                ? ImportWords.Words.Format("Note.OutsideWijk", inGemeente.Code, inGemeente.Division, w)
                : ImportWords.Words.Format("Note.OtherDivision", inGemeente.Division);
            return inGemeente.Code;
        }

        return null;
    }

    [GeneratedRegex(@"^Wijk\s+(\d{2})\b", RegexOptions.IgnoreCase)]
    private static partial Regex WijkPattern();
}
