using System.Text;

namespace Leefkracht.Data.Import.Text;

/// <summary>
/// A small RFC 4180 reader: quoted fields with doubled quotes, delimiters and line breaks inside quotes,
/// CRLF or LF line ends. It never throws on malformed input: a file that ends inside quotes yields a
/// last record flagged <see cref="CsvRecord.UnterminatedQuote"/> so the caller can report the line.
/// </summary>
public static class CsvParser
{
    /// <summary>Splits <paramref name="text"/> into records.</summary>
    public static IEnumerable<CsvRecord> Records(string text, char delimiter)
    {
        ArgumentNullException.ThrowIfNull(text);
        var fields = new List<string>();
        var field = new StringBuilder();
        var line = 1;
        var recordLine = 1;
        var inQuotes = false;
        var i = 0;
        while (i < text.Length)
        {
            var c = text[i];
            if (inQuotes)
            {
                if (c == '"')
                {
                    if (i + 1 < text.Length && text[i + 1] == '"')
                    {
                        field.Append('"');
                        i += 2;
                        continue;
                    }

                    inQuotes = false;
                }
                else
                {
                    if (c == '\n')
                    {
                        line++;
                    }

                    field.Append(c);
                }

                i++;
                continue;
            }

            if (c == '"' && field.Length == 0)
            {
                inQuotes = true;
            }
            else if (c == delimiter)
            {
                fields.Add(field.ToString());
                field.Clear();
            }
            else if (c is '\n' or '\r')
            {
                fields.Add(field.ToString());
                field.Clear();
                yield return new CsvRecord(recordLine, [.. fields], false);
                fields.Clear();
                if (c == '\r' && i + 1 < text.Length && text[i + 1] == '\n')
                {
                    i++;
                }

                line++;
                recordLine = line;
            }
            else
            {
                field.Append(c);
            }

            i++;
        }

        if (inQuotes || field.Length > 0 || fields.Count > 0)
        {
            fields.Add(field.ToString());
            yield return new CsvRecord(recordLine, [.. fields], inQuotes);
        }
    }

    /// <summary>
    /// Guesses the delimiter from the first lines: the candidate (<c>;</c>, <c>,</c>, tab, <c>|</c>) for which
    /// most lines split into the same number (more than one) of fields. Preamble lines of StatLine exports
    /// have fewer fields and simply do not vote. Returns <see langword="null"/> for text that is not a table.
    /// </summary>
    public static char? DetectDelimiter(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var sample = text.Length > 256 * 1024 ? text[..(256 * 1024)] : text;
        char? best = null;
        var bestScore = 0;
        var bestWidth = 0;
        foreach (var candidate in (ReadOnlySpan<char>)[';', ',', '\t', '|'])
        {
            var widths = Records(sample, candidate).Take(40).Where(r => !r.IsBlank).Select(r => r.Fields.Length).ToList();
            if (widths.Count == 0)
            {
                continue;
            }

            var mode = widths.GroupBy(w => w).OrderByDescending(g => g.Count()).ThenByDescending(g => g.Key).First();
            if (mode.Key < 2)
            {
                continue;
            }

            var score = mode.Count();
            if (score > bestScore || (score == bestScore && mode.Key > bestWidth))
            {
                (best, bestScore, bestWidth) = (candidate, score, mode.Key);
            }
        }

        return best;
    }
}
