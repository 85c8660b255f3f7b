namespace Leefkracht.Core.Indicators;

/// <summary>
/// An indicator computed from two others: <c>Numerator / Denominator × Factor</c>, for example registered crimes
/// per 1,000 inhabitants or the share of single-person households.
/// </summary>
/// <param name="Id">The derived indicator (a catalog id).</param>
/// <param name="Numerator">The indicator divided.</param>
/// <param name="Denominator">The indicator divided by.</param>
/// <param name="Factor">The multiplier (100 for a percentage, 1,000 for "per 1,000").</param>
public sealed record DerivedIndicator(string Id, string Numerator, string Denominator, double Factor)
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
            if (!table.HasIndicator(definition.Numerator) || !table.HasIndicator(definition.Denominator))
            {
                continue;
            }

            var numerator = table.Column(definition.Numerator);
            var denominator = table.Column(definition.Denominator);
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
}
