using OrleansCases.Hosting;
using OrleansCases.Web.Cases;
using OrleansCases.Web.Feed;
using OrleansCases.Web.Hubs;
using OrleansCases.Web.Identity;

var builder = WebApplication.CreateBuilder(args);

builder.AddCasesClusterClient();
builder.AddCasesHealthChecks();
builder.AddCaseIdentity();
builder.AddCasesApi();
builder.AddCaseHub();

var app = builder.Build();

app.UseExceptionHandler();
app.UseStatusCodePages();
app.UseDefaultFiles();
app.UseStaticFiles();
app.UseAuthentication();
app.UseAuthorization();
app.UseRateLimiter();

app.MapCasesHealth();
app.MapAuthApi();
app.MapCasesApi();
app.MapCliniciansApi();
app.MapFeedApi();
app.MapCaseHub();

app.Run();

/// <summary>The entry point, visible to WebApplicationFactory in tests.</summary>
public partial class Program;
