using OrleansCases.Hosting;
using OrleansCases.Web.Admin;
using OrleansCases.Web.ApiDocs;
using OrleansCases.Web.Cases;
using OrleansCases.Web.Http;
using OrleansCases.Web.Identity;
using OrleansCases.Web.Live;
using OrleansCases.Web.Overload;
using OrleansCases.Web.Proxy;
using OrleansCases.Web.Telemetry;

var builder = WebApplication.CreateBuilder(args);

builder.AddCasesClusterClient();
builder.AddWebTelemetry();
builder.AddCasesHealthChecks();
builder.AddHttpPlumbing();
builder.AddCaseIdentity();
builder.AddCasesApi();
builder.AddLiveDelivery();
builder.AddTrustedProxies();
builder.AddOverloadLimits();
builder.AddApiDocs();

var app = builder.Build();

app.UseTrustedProxies();
app.UseRejectedRequestCounting();
app.UseExceptionHandler();
app.UseStatusCodePages();
app.UseWebMetrics();
app.UseDefaultFiles();
app.UseStaticFiles();
app.UseAuthentication();
app.UseAuthorization();
app.UseRateLimiter();
app.UseConcurrencyGate();

app.MapCasesHealth();
app.MapAuthApi();
app.MapCasesApi();
app.MapCliniciansApi();
app.MapFeedApi();
app.MapCaseHub();
app.MapAdminApi();
app.MapApiDocs();

app.Run();

/// <summary>The entry point, visible to WebApplicationFactory in tests.</summary>
public partial class Program;
