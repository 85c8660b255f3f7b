using System.Globalization;
using System.IO.Compression;
using System.Text.Json;
using Leefkracht.Core.Statistics;
using Leefkracht.Core.Tests.Geography;

namespace Leefkracht.Core.Tests.Statistics;

/// <summary>
/// The sign-constrained ridge fit of the calibrated livability model, against the research's Python implementation
/// (scipy's NNLS on the augmented system): tests/reference/yardstick/design_fit_pc4.csv.gz holds its fit design
/// (3,365 PC4 areas: √inhabitants weights, the LBM 2018 afw, the 18 clipped standard scores) and
/// model_calibrated.json its coefficients.
/// </summary>
public sealed class SignConstrainedRidgeTests
{
    [Fact]
    public void Fit_OnTheCalibrationDesign_ReproducesTheResearchModelTo1e9()
    {
        // Given the research's design and model
        var folder = Path.Combine(ProjReferencePoint.FindRepositoryRoot(), "tests", "reference", "yardstick");
        using var model = JsonDocument.Parse(File.ReadAllText(Path.Combine(folder, "model_calibrated.json")));
        var indicators = model.RootElement.GetProperty("indicators").EnumerateArray().ToList();
        var names = indicators.Select(i => i.GetProperty("id").GetString()!).ToList();
        using var reader = new StreamReader(new GZipStream(File.OpenRead(Path.Combine(folder, "design_fit_pc4.csv.gz")), CompressionMode.Decompress));
        var header = reader.ReadLine()!.Split(',');
        var columns = names.Select(n => Array.IndexOf(header, n)).ToArray();
        List<double[]> x = [];
        List<double> y = [], weights = [];
        while (reader.ReadLine() is { } line)
        {
            var fields = line.Split(',');
            x.Add([.. columns.Select(c => double.Parse(fields[c], CultureInfo.InvariantCulture))]);
            y.Add(double.Parse(fields[Array.IndexOf(header, "afw_2018")], CultureInfo.InvariantCulture));
            weights.Add(double.Parse(fields[Array.IndexOf(header, "weight")], CultureInfo.InvariantCulture));
        }

        // When the model is fitted with the research's λ and sign constraints
        var fit = SignConstrainedRidge.Fit(x, y, weights, model.RootElement.GetProperty("lambda").GetProperty("absolute").GetDouble(), [.. indicators.Select(i => i.GetProperty("direction").GetInt32())]);

        // Then intercept, coefficients (zeros at the bounds included) and standard errors are the research's
        x.Count.ShouldBe(3365);
        fit.Intercept.ShouldBe(model.RootElement.GetProperty("intercept").GetDouble(), 1e-9);
        for (var j = 0; j < names.Count; j++)
        {
            fit.Coefficients[j].ShouldBe(indicators[j].GetProperty("beta").GetDouble(), 1e-9, names[j]);
            fit.StandardErrors[j].ShouldBe(indicators[j].GetProperty("se").GetDouble(), 1e-9, names[j]);
        }
    }

    [Fact]
    public void Fit_WithoutConstraints_IsThePlainRidgeFit()
    {
        // Given a small design with two free columns
        double[][] x = [[0, 1], [1, 0], [2, 2], [3, 1], [4, 5]];
        double[] y = [1.0, 2.5, 4.0, 6.5, 9.0];
        double[] w = [1, 2, 1, 1, 3];

        // When fitted with and without the (inactive) free signs
        var constrained = SignConstrainedRidge.Fit(x, y, w, 0.5, [0, 0]);
        var plain = RidgeRegression.Fit(x, y, w, 0.5);

        // Then the coefficients agree with the plain ridge solution
        constrained.Coefficients[0].ShouldBe(plain.Coefficients[0], 1e-12);
        constrained.Coefficients[1].ShouldBe(plain.Coefficients[1], 1e-12);
    }
}
