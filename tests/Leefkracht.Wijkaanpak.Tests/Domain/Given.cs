using System.Collections.Immutable;

namespace Leefkracht.Wijkaanpak.Tests.Domain;

/// <summary>A small programme in Overvecht: the gemeente (1) coordinates, corporations 2 and 3 take part, 4 is outside.</summary>
internal static class Given
{
    public const long Gemeente = 1;
    public const long Corporatie = 2;
    public const long OtherCorporatie = 3;
    public const long Outsider = 4;
    public const long Residents = 5;

    public static readonly DateOnly Start = new(2024, 1, 1);

    public static Programme Programme(bool published = false) =>
        new(10, "Overvecht-Noord", "WK034406", Start, 2023, "Samen sterker", [new ProgrammeGoal("Meer mensen voelen zich veilig", "feels_unsafe_pct", 30)], Gemeente, published, 1);

    public static ProgrammeAccess Access(bool published = false, DateOnly? corporatieLeft = null) => new(
        Programme(published),
        [
            new CoalitionMember(1, 10, Gemeente, Start, null, 1),
            new CoalitionMember(2, 10, Corporatie, Start, corporatieLeft, 1),
            new CoalitionMember(3, 10, OtherCorporatie, new DateOnly(2024, 6, 1), null, 1),
        ]);

    public static Agreement Agreement(long owner = Gemeente, AgreementStatus status = AgreementStatus.Planned, DateOnly? deadline = null, params IndicatorTarget[] indicators) =>
        new(100, 10, owner, [Corporatie], "Portiekgesprekken", "In elke portiek een gesprek", deadline ?? new DateOnly(2024, 12, 31), [.. indicators], status, 1);

    public static Actor Actor(long party, Role role) => new(party * 100, "account of party " + party, party, role);

    public static IReadOnlyDictionary<string, IReadOnlyList<YearValue>> Series(params (string Indicator, int Year, double Value)[] values) =>
        values.GroupBy(v => v.Indicator).ToImmutableDictionary(g => g.Key, g => (IReadOnlyList<YearValue>)[.. g.Select(v => new YearValue(v.Year, v.Value))]);
}
