namespace Leefkracht.Core.Indicators;

/// <summary>Whether a higher value of an indicator means a better or a worse living environment.</summary>
public enum Direction
{
    /// <summary>Descriptive only; no judgement.</summary>
    Neutral,

    /// <summary>Higher is better (for example the share of residents in good health).</summary>
    HigherIsBetter,

    /// <summary>Higher is worse (for example registered crimes per 1,000 inhabitants).</summary>
    HigherIsWorse,
}
