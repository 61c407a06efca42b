using OrleansCases.Hosting;
using OrleansCases.Silo;

var builder = WebApplication.CreateBuilder(args);

builder.AddCaseSilo();
builder.AddCasesHealthChecks();

var app = builder.Build();

app.MapCasesHealth();

app.Run();

/// <summary>The entry point, visible to WebApplicationFactory in tests.</summary>
public partial class Program;
