using Leefkracht.Core.Indicators;

namespace Leefkracht.Core.Indices;

/// <summary>The names of the Leefbaarometer dimensions as users see them.</summary>
public static class DimensionNames
{
    /// <summary>The dimension's name in <c>nl</c> (default) or <c>en</c>.</summary>
    public static string Of(LivabilityDimension dimension, string language = "nl")
    {
        var english = language.StartsWith("en", StringComparison.OrdinalIgnoreCase);
        return dimension switch
        {
            LivabilityDimension.Woningvoorraad => english ? "housing stock" : "woningvoorraad",
            LivabilityDimension.FysiekeOmgeving => english ? "physical environment" : "fysieke omgeving",
            LivabilityDimension.Voorzieningen => english ? "amenities" : "voorzieningen",
            LivabilityDimension.SocialeSamenhang => english ? "social cohesion" : "sociale samenhang",
            LivabilityDimension.OverlastEnOnveiligheid => english ? "nuisance and insecurity" : "overlast en onveiligheid",
            _ => dimension.ToString(),
        };
    }

    /// <summary>The short field name the Leefbaarometer uses (<c>won</c>, <c>fys</c>, <c>vrz</c>, <c>soc</c>, <c>onv</c>).</summary>
    public static string ShortName(LivabilityDimension dimension) => dimension switch
    {
        LivabilityDimension.Woningvoorraad => "won",
        LivabilityDimension.FysiekeOmgeving => "fys",
        LivabilityDimension.Voorzieningen => "vrz",
        LivabilityDimension.SocialeSamenhang => "soc",
        LivabilityDimension.OverlastEnOnveiligheid => "onv",
        _ => dimension.ToString(),
    };
}
