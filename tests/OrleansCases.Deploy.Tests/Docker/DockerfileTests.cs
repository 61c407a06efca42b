extern alias SiloHost;
using System.Globalization;
using OrleansCases.Deploy.Tests.Support;
using OrleansCases.Hosting;
using Xunit;

namespace OrleansCases.Deploy.Tests.Docker;

[Trait("Category", "Deploy")]
public sealed class DockerfileTests
{
    private const string Silo = "deploy/docker/silo.Dockerfile";
    private const string Web = "deploy/docker/web.Dockerfile";

    public static TheoryData<string> Dockerfiles => [Silo, Web];

    [Theory]
    [MemberData(nameof(Dockerfiles))]
    public void An_image_builds_with_the_sdk_and_runs_on_the_aspnet_runtime(string path)
    {
        var file = new Dockerfile(path);

        Assert.Contains(file.Stages, s => s[0].Args.StartsWith("mcr.microsoft.com/dotnet/sdk:10.0", StringComparison.Ordinal));
        Assert.StartsWith("mcr.microsoft.com/dotnet/aspnet:10.0", file.FinalStage[0].Args, StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(Dockerfiles))]
    public void An_image_runs_as_a_non_root_user(string path)
    {
        var user = new Dockerfile(path).FinalStage.LastOrDefault(i => i.Op == "USER").Args;

        Assert.False(string.IsNullOrEmpty(user), $"{path}: no USER in the final stage, so it runs as root");
        Assert.DoesNotMatch(@"^(root|0)(:|$)", user);
    }

    [Theory]
    [MemberData(nameof(Dockerfiles))]
    public void An_image_listens_on_all_interfaces_at_a_port_it_exposes(string path)
    {
        var stage = new Dockerfile(path).FinalStage;
        var urls = Dockerfile.Env(stage)["Urls"];

        Assert.StartsWith("http://0.0.0.0:", urls, StringComparison.Ordinal);
        Assert.Contains(UrlsPort.Of(urls).ToString(CultureInfo.InvariantCulture), Exposed(stage));
    }

    [Fact]
    public void The_silo_image_exposes_the_default_silo_and_gateway_ports()
    {
        var defaults = new CasesClusterOptions();
        var exposed = Exposed(new Dockerfile(Silo).FinalStage);

        Assert.Contains(defaults.SiloPort.ToString(CultureInfo.InvariantCulture), exposed);
        Assert.Contains(defaults.GatewayPort.ToString(CultureInfo.InvariantCulture), exposed);
    }

    [Theory]
    [InlineData(Silo, "silo")]
    [InlineData(Web, "web")]
    public void An_image_starts_its_apps_assembly(string path, string app)
    {
        var assembly = app == "silo" ? typeof(SiloHost::Program).Assembly : typeof(Program).Assembly;
        var entrypoint = new Dockerfile(path).FinalStage.Last(i => i.Op == "ENTRYPOINT").Args;

        Assert.Contains($"\"{assembly.GetName().Name}.dll\"", entrypoint, StringComparison.Ordinal);
    }

    [Fact]
    public void The_web_image_installs_the_signalr_client_from_the_lock_file_before_it_builds()
    {
        var file = new Dockerfile(Web);
        var build = file.Stages.Single(s => s[0].Args.StartsWith("mcr.microsoft.com/dotnet/sdk", StringComparison.Ordinal)).ToList();

        Assert.Contains(file.Instructions, i => i.Op == "COPY" && i.Args.Contains("package-lock.json", StringComparison.Ordinal));
        Assert.Contains(file.Instructions, i => i.Op == "RUN" && i.Args.StartsWith("npm ci", StringComparison.Ordinal));
        var copy = build.FindIndex(i => i.Op == "COPY" && i.Args.Contains("node_modules/@microsoft/signalr", StringComparison.Ordinal));
        var publish = build.FindIndex(i => i.Op == "RUN" && i.Args.Contains("dotnet publish", StringComparison.Ordinal));
        Assert.InRange(copy, 1, publish - 1);
    }

    [Theory]
    [InlineData("**/bin")]
    [InlineData("**/obj")]
    [InlineData("node_modules")]
    [InlineData(".azurite")]
    [InlineData(".run")]
    [InlineData("**/TestResults")]
    public void The_build_context_leaves_out_local_output_and_data(string pattern)
    {
        Assert.Contains(pattern, RepoFiles.Read(".dockerignore").Split('\n').Select(l => l.Trim()));
    }

    private static List<string> Exposed(IEnumerable<(string Op, string Args)> stage) =>
        [.. stage.Where(i => i.Op == "EXPOSE").SelectMany(i => i.Args.Split(' ', StringSplitOptions.RemoveEmptyEntries)).Select(p => p.Split('/')[0])];
}
