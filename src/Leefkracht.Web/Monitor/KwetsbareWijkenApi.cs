using Leefkracht.Core.Leefbaarometer;
using Microsoft.AspNetCore.Mvc;

namespace Leefkracht.Web.Monitor;

/// <summary>Kwetsbare wijken in beeld.</summary>
/// <param name="Gemeente">Only this gemeente's wijken in the list of areas (the sets stay national).</param>
/// <param name="Lang">nl (default) or en.</param>
public sealed record KwetsbareWijkenRequest([FromQuery] string? Gemeente, [FromQuery] string? Lang);

/// <summary>"Kwetsbare wijken in beeld", reproduced on the Leefbaarometer series (docs/kwetsbare-wijken.md).</summary>
/// <param name="DivisionYear">The year of the wijk division.</param>
/// <param name="Years">The measured Leefbaarometer years.</param>
/// <param name="Considered">Wijken with a value in every year.</param>
/// <param name="Sets">The sets: trajectory and share declining per period.</param>
/// <param name="Areas">The wijken zwak or worse in any year, weakest first (of the gemeente, when asked).</param>
/// <param name="Source">The source line of the Leefbaarometer.</param>
/// <param name="Carry">How the values reached the wijken.</param>
/// <param name="ClassBasis">That the class bounds are derived.</param>
/// <param name="CorporationYear">The year of the gemeenten's corporation shares.</param>
public sealed record KwetsbareWijkenDto(int DivisionYear, IReadOnlyList<int> Years, int Considered, IReadOnlyList<KwibSetDto> Sets, IReadOnlyList<KwibAreaDto> Areas, string Source, string? Carry, string ClassBasis, int? CorporationYear);

/// <summary>One set.</summary>
public sealed record KwibSetDto(string Key, string Name, int Areas, IReadOnlyList<KwibYearDto> Trajectory, IReadOnlyList<KwibPeriodDto> Periods);

/// <summary>A set's inhabitant-weighted mean afw in a year and its gap to the national mean.</summary>
public sealed record KwibYearDto(int Year, double? Mean, double? Gap);

/// <summary>The share of a set's wijken whose afw fell over a period (any fall, and a fall of more than 0.02).</summary>
public sealed record KwibPeriodDto(int From, int To, double? ShareFell, double? ShareFellClearly, double? MeanChange, double? NationalShareFell);

/// <summary>A wijk zwak or worse in any year, with its series.</summary>
public sealed record KwibAreaDto(string Code, string? Name, string? Gemeente, double Inhabitants, double? OwnerOccupied, IReadOnlyList<KwibValueDto> Values);

/// <summary>A Leefbaarometer value with its (derived) class.</summary>
public sealed record KwibValueDto(int Year, double Afw, int Class, string ClassName);

/// <summary>The endpoint of the kwetsbare-wijken page.</summary>
public static class KwetsbareWijkenApi
{
    public static RouteGroupBuilder MapKwetsbareWijkenApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/v1").WithTags("Monitor");
        api.MapGet("/kwetsbare-wijken", GetKwetsbareWijken).WithName("GetKwetsbareWijken")
            .WithSummary("Kwetsbare wijken in beeld, reproduced: wijken zwak or worse in any Leefbaarometer year, their trajectory and the share declining per period, split by owner-occupation and corporation share");
        return api;
    }

    internal static async Task<Results<Ok<KwetsbareWijkenDto>, ValidationProblem, NotFound>> GetKwetsbareWijken([AsParameters] KwetsbareWijkenRequest request, DashboardMonitor dashboard)
    {
        var errors = new RequestErrors();
        var areas = await dashboard.AreasAsync();
        var gemeente = errors.Gemeente(request.Gemeente, areas);
        errors.Language(request.Lang);
        if (errors.Any)
        {
            return errors.ToProblem();
        }

        if (await dashboard.KwetsbareWijken.ReportAsync() is not { Result.Considered: > 0 } report)
        {
            return TypedResults.NotFound();
        }

        var r = report.Result;
        var sets = r.Sets.Select(s => new KwibSetDto(
            s.Key,
            KwetsbareWijkenInBeeld.SetName(s.Key),
            s.Areas,
            [.. s.Trajectory.Select(t => new KwibYearDto(t.Year, Dtos.Round(t.Mean), Dtos.Round(t.Gap)))],
            [.. s.Periods.Select(p => new KwibPeriodDto(p.From, p.To, Dtos.Round(p.ShareFell), Dtos.Round(p.ShareFellClearly), Dtos.Round(p.MeanChange), Dtos.Round(p.NationalShareFell)))])).ToList();
        var list = r.ZwakAreas
            .Where(a => gemeente is null || a.Code.IsWithin(gemeente.Value))
            .Select(a => new KwibAreaDto(
                a.Code.Value,
                areas.NameOf(new AreaKey(a.Code, report.DivisionYear)),
                a.Code.Gemeente is { } g ? areas.NameOf(new AreaKey(g, report.DivisionYear)) : null,
                a.Inhabitants,
                Dtos.Round(a.OwnerOccupiedShare, 1),
                [.. r.Years.Select(y => new KwibValueDto(y, Math.Round(a.Deviations[y], 4), LeefbaarometerClasses.ClassOf(a.Deviations[y]), LeefbaarometerClasses.NameOf(LeefbaarometerClasses.ClassOf(a.Deviations[y]))))]))
            .ToList();
        return TypedResults.Ok(new KwetsbareWijkenDto(report.DivisionYear, r.Years, r.Considered, sets, list, report.Provenance?.Source ?? LeefbaarometerEdition.Source, report.Provenance?.Carry, LeefbaarometerClasses.Basis, report.CorporationYear));
    }
}
