namespace Leefkracht.Core.Indicators;

/// <summary>
/// An indicator computed from others: <c>Numerator / Denominator × Factor</c>, for example registered crimes
/// per 1,000 inhabitants or the share of single-person households; or, without a denominator,
/// <c>Numerator × Factor</c>: a second source that fills the gaps of the first (ELAN's registered population where
/// the KWB has no inhabitants).
/// </summary>
/// <param name="Id">The derived indicator (a catalog id).</param>
/// <param name="Numerator">The indicator divided (or copied).</param>
/// <param name="Denominator">The indicator divided by; <see langword="null"/> for a copy.</param>
/// <param name="Factor">The multiplier (100 for a percentage, 1,000 for "per 1,000").</param>
public sealed record DerivedIndicator(string Id, string Numerator, string? Denominator, double Factor)
{
    /// <summary>
    /// Adds the derived columns to a table. A cell is derived only where the table has no value of its own (a
    /// published figure wins over a computed one) and where the denominator is positive.
    /// </summary>
    public static IndicatorTable Apply(IndicatorTable table, IEnumerable<DerivedIndicator> definitions)
    {
        ArgumentNullException.ThrowIfNull(table);
        ArgumentNullException.ThrowIfNull(definitions);
        var added = new Dictionary<string, double[]>(StringComparer.Ordinal);
        foreach (var definition in definitions)
        {
            if (!table.HasIndicator(definition.Numerator) || (definition.Denominator is { } d && !table.HasIndicator(d)))
            {
                continue;
            }

            var numerator = table.Column(definition.Numerator);
            var denominator = definition.Denominator is { } name ? table.Column(name) : Ones(table.Areas.Length);
            var own = table.Column(definition.Id);
            var column = new double[table.Areas.Length];
            var any = false;
            for (var row = 0; row < column.Length; row++)
            {
                if (!double.IsNaN(own[row]))
                {
                    column[row] = own[row];
                }
                else if (denominator[row] > 0 && !double.IsNaN(numerator[row]))
                {
                    column[row] = numerator[row] / denominator[row] * definition.Factor;
                    any = true;
                }
                else
                {
                    column[row] = double.NaN;
                }
            }

            if (any)
            {
                added[definition.Id] = column;
            }
        }

        return added.Count == 0 ? table : table.WithColumns(added);
    }

    /// <summary>
    /// The indicators a table needs so that <see cref="Apply"/> can give <paramref name="id"/>: the indicator itself
    /// and, when it is derived, what it is derived from, recursively (a derived indicator may build on another).
    /// </summary>
    public static IReadOnlySet<string> InputsOf(string id, IEnumerable<DerivedIndicator> definitions)
    {
        ArgumentNullException.ThrowIfNull(definitions);
        var byId = definitions.ToLookup(d => d.Id, StringComparer.Ordinal);
        var needed = new HashSet<string>(StringComparer.Ordinal);
        var open = new Stack<string>([id]);
        while (open.TryPop(out var next))
        {
            if (!needed.Add(next))
            {
                continue;
            }

            foreach (var definition in byId[next])
            {
                open.Push(definition.Numerator);
                if (definition.Denominator is { } denominator)
                {
                    open.Push(denominator);
                }
            }
        }

        return needed;
    }

    private static double[] Ones(int length)
    {
        var ones = new double[length];
        Array.Fill(ones, 1.0);
        return ones;
    }
}
