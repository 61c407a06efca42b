using OrleansCases.Benchmark;

return await Benchmark.RunAsync(BenchmarkOptions.Parse(args), "benchmark/run.sh" + string.Concat(args.Select(a => " " + a)));
