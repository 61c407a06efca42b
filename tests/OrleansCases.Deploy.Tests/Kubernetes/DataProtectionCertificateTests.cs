using OrleansCases.Deploy.Tests.Support;
using Xunit;

namespace OrleansCases.Deploy.Tests.Kubernetes;

/// <summary>
/// The web encrypts its Data Protection keys with a certificate (it refuses to start in Production without one): the
/// files its settings name are keys of a Secret it mounts, as a TLS Secret holds them.
/// </summary>
[Trait("Category", "Deploy")]
public sealed class DataProtectionCertificateTests
{
    [Theory]
    [InlineData("Auth:DataProtectionCertificate:Path")]
    [InlineData("Auth:DataProtectionCertificate:KeyPath")]
    public void The_web_reads_its_data_protection_certificate_from_a_secret_it_mounts(string setting)
    {
        var env = Kube.EnvValues(Kube.Web);
        Assert.True(env.TryGetValue(ConfigurationKeys.Variable(setting), out var file), $"the web does not set {setting}");

        var (secret, key) = Kube.SecretFileOf(Kube.Web, file);

        Assert.True(secret["stringData", key].Exists || secret["data", key].Exists, $"secret {secret["metadata", "name"].Text} has no key {key}");
    }
}
