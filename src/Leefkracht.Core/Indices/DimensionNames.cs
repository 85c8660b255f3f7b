using Leefkracht.Core.Indicators;

namespace Leefkracht.Core.Indices;

/// <summary>The names of the Leefbaarometer dimensions as users see them.</summary>
public static class DimensionNames
{
    /// <summary>The dimension's name in the user's language (IndexWords.resx, named by the dimension).</summary>
    public static string Of(LivabilityDimension dimension) => IndexWords.Words.Find(dimension.ToString()) ?? dimension.ToString();

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
