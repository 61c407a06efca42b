using OrleansCases.Hosting;
using OrleansCases.Silo;

var builder = WebApplication.CreateBuilder(args);

builder.AddCaseSilo();
builder.AddCasesHealthChecks();

var app = builder.Build();

app.MapCasesHealth();

app.Run();
