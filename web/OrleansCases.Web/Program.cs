using OrleansCases.Hosting;
using OrleansCases.Web.Admin;
using OrleansCases.Web.ApiDocs;
using OrleansCases.Web.Cases;
using OrleansCases.Web.Conversation;
using OrleansCases.Web.Http;
using OrleansCases.Web.Identity;
using OrleansCases.Web.Live;
using OrleansCases.Web.Overload;
using OrleansCases.Web.Presence;
using OrleansCases.Web.Proxy;
using OrleansCases.Web.Queue;
using OrleansCases.Web.Reads;
using OrleansCases.Web.Telemetry;

var builder = WebApplication.CreateBuilder(args);

builder.AddCasesClusterClient();
builder.AddWebTelemetry();
builder.AddCasesHealthChecks();
builder.AddHttpPlumbing();
builder.AddCaseIdentity();
builder.AddCasesApi();
builder.AddLiveDelivery();
builder.AddPresence();
builder.AddTrustedProxies();
builder.AddOverloadLimits();
builder.AddApiDocs();

var app = builder.Build();

app.UseTrustedProxies();
app.UseRejectedRequestCounting();
app.UseExceptionHandler();
app.UseStatusCodePages();
app.UseWebMetrics();
// "/" becomes /index.html before routing matches it; the portal's files are endpoints (MapStaticAssets below).
app.UseDefaultFiles();
app.UseRouting();
app.UseAuthentication();
app.UseAuthorization();
app.UseRateLimiter();
app.UseConcurrencyGate();

// The portal's files, compressed at build (gzip and Brotli, chosen by Accept-Encoding), with ETags; the fingerprinted
// names of its scripts (index.html) are cached for a year.
app.MapStaticAssets();
app.MapCasesHealth();
app.MapAuthApi();
app.MapCasesApi();
app.MapMessagesApi();
app.MapReadsApi();
app.MapCliniciansApi();
app.MapFeedApi();
app.MapPresenceApi();
app.MapQueueApi();
app.MapCaseHub();
app.MapAdminApi();
app.MapApiDocs();

app.Run();

/// <summary>The entry point, visible to WebApplicationFactory in tests.</summary>
public partial class Program;
