using Leefkracht.Core.Text;

namespace Leefkracht.Monitor.Monitoring;

/// <summary>
/// What is wrong with a user's choice for the monitor, in the user's language (InputWords.resx, Dutch;
/// InputWords.en.resx): a reference (<c>--reference</c>), an estimation target (<c>--target</c>), and what a validation
/// or calibration finds missing in the data (<c>validate --target-year</c>, <c>model lbm</c>).
/// </summary>
internal static class InputWords
{
    /// <summary>The words, in the user's language.</summary>
    public static Words Words { get; } = new(typeof(InputWords));
}
