using OrleansCases.Deploy.Tests.Support;
using Xunit;

namespace OrleansCases.Deploy.Tests.Compose;

/// <summary>
/// The webs encrypt their Data Protection keys with a certificate (they refuse to start in Production without one):
/// the files their settings name are compose secrets the service mounts, made from files the .env names.
/// </summary>
[Trait("Category", "Deploy")]
public sealed class ComposeSecretsTests
{
    private const string SecretsFolder = "/run/secrets/";

    [Theory]
    [InlineData("Auth:DataProtectionCertificate:Path")]
    [InlineData("Auth:DataProtectionCertificate:KeyPath")]
    public void The_webs_read_their_data_protection_certificate_from_a_secret_of_a_file_the_env_file_names(string setting)
    {
        Assert.NotEmpty(Support.Compose.ServicesOf(AppKind.Web));
        foreach (var (name, service) in Support.Compose.ServicesOf(AppKind.Web))
        {
            Assert.True(Support.Compose.Env(service).TryGetValue(ConfigurationKeys.Variable(setting), out var file), $"{name} does not set {setting}");
            Assert.StartsWith(SecretsFolder, file, StringComparison.Ordinal);
            var secret = file[SecretsFolder.Length..];

            Assert.Contains(secret, service["secrets"].Items.Select(i => i.Text));
            var source = Support.Compose.Document["secrets", secret, "file"].RequiredText($"secret {secret}: file");
            // Required (${X:?...}), and named in .env.example.
            Assert.Matches(@"^\$\{[A-Z_]+:\?", source);
            Assert.NotEmpty(Support.Compose.Interpolate(source));
        }
    }
}
