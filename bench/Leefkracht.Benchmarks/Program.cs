using BenchmarkDotNet.Running;
using Leefkracht.Benchmarks;

// dotnet run -c Release --project bench/Leefkracht.Benchmarks -- --filter '*'
// dotnet run -c Release --project bench/Leefkracht.Benchmarks -- spdep-compare DB OUT.csv   (see bench/spatial/compare-spdep.sh)
if (args.Length > 0 && args[0] == "spdep-compare")
{
    return await SpdepComparison.RunAsync(args[1..]);
}

BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);
return 0;

/// <summary>Entry point type for BenchmarkSwitcher.</summary>
public partial class Program;
