using OrleansCases.Benchmark;

return await Benchmark.RunAsync(BenchmarkOptions.Parse(args));
