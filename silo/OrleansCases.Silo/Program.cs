using OrleansCases.Silo;

var builder = WebApplication.CreateBuilder(args);

builder.AddCaseSiloHost();

var app = builder.Build();

app.MapCaseSiloEndpoints();

app.Run();

/// <summary>The entry point, visible to WebApplicationFactory in tests.</summary>
public partial class Program;
