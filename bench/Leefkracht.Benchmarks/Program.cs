using BenchmarkDotNet.Running;
using Leefkracht.Benchmarks;

// dotnet run -c Release --project bench/Leefkracht.Benchmarks -- --filter '*'
// dotnet run -c Release --project bench/Leefkracht.Benchmarks -- spdep-compare DB OUT.csv   (see bench/spatial/compare-spdep.sh)
if (args.Length > 0 && args[0] == "spdep-compare")
{
    return await SpdepComparison.RunAsync(args[1..]);
}

// dotnet artifacts/bin/Leefkracht.Benchmarks/release/Leefkracht.Benchmarks.dll fake-sources 2013 2025   (see bench/fetch/national.sh)
if (args.Length > 0 && args[0] == "fake-sources")
{
    return await FakeSourcesHost.RunAsync(args[1..]);
}

// Not typeof(Program): the fake sources bring Leefkracht.Web, whose public Program would be meant as well.
BenchmarkSwitcher.FromAssembly(typeof(Sample).Assembly).Run(args);
return 0;
