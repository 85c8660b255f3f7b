using System.Collections.Frozen;
using System.Collections.Immutable;
using Leefkracht.Core.Areas;

namespace Leefkracht.Core.Indicators;

/// <summary>
/// The values of many indicators for many areas in one period, stored column by column
/// (one <see cref="double"/> array per indicator, <see cref="double.NaN"/> where a value is missing).
/// </summary>
/// <remarks>
/// Columnar so that index computations run as plain loops over arrays, and so that a national year
/// (about 18,000 areas × 130 indicators) costs one array per indicator instead of millions of objects.
/// Rows are areas (code and division year); the table is immutable once built.
/// </remarks>
public sealed class IndicatorTable
{
    private readonly FrozenDictionary<AreaKey, int> _rowByArea;
    private readonly FrozenDictionary<string, double[]> _columns;

    private IndicatorTable(int period, ImmutableArray<AreaKey> areas, IReadOnlyDictionary<string, double[]> columns)
    {
        Period = period;
        Areas = areas;
        _rowByArea = areas.Select((area, row) => (area, row)).ToFrozenDictionary(x => x.area, x => x.row);
        _columns = columns.ToFrozenDictionary(StringComparer.Ordinal);
        IndicatorIds = [.. columns.Keys.Order(StringComparer.Ordinal)];
    }

    /// <summary>
    /// Wraps ready-made columns (every array as long as <paramref name="areas"/>, <see cref="double.NaN"/> for
    /// missing). The arrays are taken over, not copied: the caller must not change them afterwards.
    /// </summary>
    /// <exception cref="ArgumentException">A column's length differs from the number of areas.</exception>
    public static IndicatorTable FromColumns(int period, ImmutableArray<AreaKey> areas, IReadOnlyDictionary<string, double[]> columns)
    {
        ArgumentNullException.ThrowIfNull(columns);
        foreach (var (id, column) in columns)
        {
            if (column.Length != areas.Length)
            {
                throw new ArgumentException($"Column '{id}' has {column.Length} values for {areas.Length} areas.", nameof(columns));
            }
        }

        return new IndicatorTable(period, areas, columns);
    }

    /// <summary>A table with the same rows and these columns added (or replaced); the arrays are taken over.</summary>
    public IndicatorTable WithColumns(IReadOnlyDictionary<string, double[]> columns)
    {
        ArgumentNullException.ThrowIfNull(columns);
        var merged = new Dictionary<string, double[]>(_columns, StringComparer.Ordinal);
        foreach (var (id, column) in columns)
        {
            merged[id] = column;
        }

        return FromColumns(Period, Areas, merged);
    }

    /// <summary>A table with these areas added as rows without values (areas already present are left as they are).</summary>
    public IndicatorTable WithRows(IEnumerable<AreaKey> areas)
    {
        ArgumentNullException.ThrowIfNull(areas);
        var added = areas.Where(a => !_rowByArea.ContainsKey(a)).Distinct().ToList();
        if (added.Count == 0)
        {
            return this;
        }

        var columns = _columns.ToDictionary(
            c => c.Key,
            c =>
            {
                var column = new double[Areas.Length + added.Count];
                c.Value.CopyTo(column, 0);
                Array.Fill(column, double.NaN, Areas.Length, added.Count);
                return column;
            },
            StringComparer.Ordinal);
        return new IndicatorTable(Period, [.. Areas, .. added], columns);
    }

    /// <summary>The rows for which <paramref name="keep"/> is true, with all columns.</summary>
    public IndicatorTable Where(Func<AreaKey, bool> keep)
    {
        ArgumentNullException.ThrowIfNull(keep);
        var rows = Enumerable.Range(0, Areas.Length).Where(r => keep(Areas[r])).ToArray();
        var columns = _columns.ToDictionary(c => c.Key, c => rows.Select(r => c.Value[r]).ToArray(), StringComparer.Ordinal);
        return new IndicatorTable(Period, [.. rows.Select(r => Areas[r])], columns);
    }

    /// <summary>The reference period (year) of the values.</summary>
    public int Period { get; }

    /// <summary>The rows: one area per row.</summary>
    public ImmutableArray<AreaKey> Areas { get; }

    /// <summary>The indicators that have a column, sorted by id.</summary>
    public ImmutableArray<string> IndicatorIds { get; }

    /// <summary>Whether the table has a column for this indicator.</summary>
    public bool HasIndicator(string indicatorId) => _columns.ContainsKey(indicatorId);

    /// <summary>The values of one indicator in row order; an all-missing column if the indicator is absent.</summary>
    public ReadOnlySpan<double> Column(string indicatorId) =>
        _columns.TryGetValue(indicatorId, out var column) ? column : Missing(Areas.Length);

    /// <summary>The row of an area, or -1.</summary>
    public int RowOf(AreaKey area) => _rowByArea.TryGetValue(area, out var row) ? row : -1;

    /// <summary>One value, <see cref="double.NaN"/> when missing.</summary>
    public double Value(AreaKey area, string indicatorId)
    {
        var row = RowOf(area);
        return row < 0 || !_columns.TryGetValue(indicatorId, out var column) ? double.NaN : column[row];
    }

    private static double[] Missing(int length)
    {
        var values = new double[length];
        Array.Fill(values, double.NaN);
        return values;
    }

    /// <summary>Collects values in any order and produces an immutable table.</summary>
    public sealed class Builder
    {
        private readonly int _period;
        private readonly Dictionary<AreaKey, int> _rows = [];
        private readonly List<AreaKey> _areas = [];
        private readonly Dictionary<string, List<double>> _columns = new(StringComparer.Ordinal);

        /// <summary>Starts a table for one period.</summary>
        public Builder(int period) => _period = period;

        /// <summary>Adds an area row (no-op when present) and returns its row index.</summary>
        public int AddArea(AreaKey area)
        {
            if (_rows.TryGetValue(area, out var row))
            {
                return row;
            }

            row = _areas.Count;
            _rows.Add(area, row);
            _areas.Add(area);
            foreach (var column in _columns.Values)
            {
                column.Add(double.NaN);
            }

            return row;
        }

        /// <summary>Sets one value; a later value for the same cell replaces an earlier one.</summary>
        public Builder Set(AreaKey area, string indicatorId, double value)
        {
            ArgumentNullException.ThrowIfNull(indicatorId);
            var row = AddArea(area);
            if (!_columns.TryGetValue(indicatorId, out var column))
            {
                column = new List<double>(Math.Max(_areas.Capacity, 16));
                for (var i = 0; i < _areas.Count; i++)
                {
                    column.Add(double.NaN);
                }

                _columns.Add(indicatorId, column);
            }

            column[row] = value;
            return this;
        }

        /// <summary>Freezes the collected values.</summary>
        public IndicatorTable Build() =>
            new(_period, [.. _areas], _columns.ToDictionary(x => x.Key, x => x.Value.ToArray(), StringComparer.Ordinal));
    }
}
