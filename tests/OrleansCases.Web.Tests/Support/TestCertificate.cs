using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

namespace OrleansCases.Web.Tests.Support;

/// <summary>
/// A throw-away self-signed RSA certificate for the Data Protection keys, made by the test (no private key is
/// committed), written to a temporary folder both as PEM (certificate and key) and as PKCS#12 with a password; the
/// folder is deleted on dispose.
/// </summary>
public sealed class TestCertificate : IDisposable
{
    private const string Setting = "Auth:DataProtectionCertificate:";
    private const string PfxPassword = "test-only-pfx-password";
    private readonly string _folder = Directory.CreateTempSubdirectory("orleanscases-dp-").FullName;

    public TestCertificate()
    {
        using var rsa = RSA.Create(2048);
        var request = new CertificateRequest("CN=orleanscases-data-protection-test", rsa, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        using var certificate = request.CreateSelfSigned(DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddDays(30));
        CertificatePath = Path.Combine(_folder, "data-protection.crt");
        KeyPath = Path.Combine(_folder, "data-protection.key");
        PfxPath = Path.Combine(_folder, "data-protection.pfx");
        File.WriteAllText(CertificatePath, certificate.ExportCertificatePem());
        File.WriteAllText(KeyPath, rsa.ExportPkcs8PrivateKeyPem());
        File.WriteAllBytes(PfxPath, certificate.Export(X509ContentType.Pkcs12, PfxPassword));
    }

    public string CertificatePath { get; }

    public string KeyPath { get; }

    public string PfxPath { get; }

    /// <summary>The settings naming the PEM pair, as the Kubernetes Secret and compose pass it.</summary>
    public IReadOnlyDictionary<string, string?> PemSettings => new Dictionary<string, string?>
    {
        [Setting + "Path"] = CertificatePath,
        [Setting + "KeyPath"] = KeyPath,
    };

    /// <summary>The settings naming the PKCS#12 file and its password.</summary>
    public IReadOnlyDictionary<string, string?> PfxSettings(string password = PfxPassword) => new Dictionary<string, string?>
    {
        [Setting + "Path"] = PfxPath,
        [Setting + "Password"] = password,
    };

    public void Dispose() => Directory.Delete(_folder, recursive: true);
}
