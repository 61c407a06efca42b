using OrleansCases.Hosting;

var builder = WebApplication.CreateBuilder(args);

builder.AddCasesClusterClient();
builder.AddCasesHealthChecks();

var app = builder.Build();

app.UseDefaultFiles();
app.UseStaticFiles();
app.MapCasesHealth();

app.Run();

/// <summary>The entry point, visible to WebApplicationFactory in tests.</summary>
public partial class Program;
