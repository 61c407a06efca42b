using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

namespace OrleansCases.Web.Identity;

/// <summary>
/// The certificate whose RSA key encrypts the Data Protection keys before they are stored (Auth:DataProtectionCertificate).
/// Anyone who reads an unencrypted key ring can forge session cookies and antiforgery tokens; with this, reading the
/// table is not enough. Either a PKCS#12 file (<see cref="Path"/>, with its <see cref="Password"/>), or a PEM
/// certificate with its PEM key (<see cref="Path"/> and <see cref="KeyPath"/>, as a Kubernetes TLS Secret holds them;
/// <see cref="Password"/> when the key is encrypted). Only the key matters: a self-signed certificate does.
/// </summary>
public sealed class DataProtectionCertificateOptions
{
    /// <summary>The certificate file: PKCS#12 (.pfx), or PEM when <see cref="KeyPath"/> is set.</summary>
    public string? Path { get; set; }

    /// <summary>The PEM private key of a PEM certificate.</summary>
    public string? KeyPath { get; set; }

    /// <summary>The password of the PKCS#12 file, or of an encrypted PEM key.</summary>
    public string? Password { get; set; }

    public bool IsConfigured => !string.IsNullOrWhiteSpace(Path);

    /// <summary>Loads the certificate; throws naming the setting when it cannot be read or cannot encrypt.</summary>
    public X509Certificate2 Load()
    {
        X509Certificate2 certificate;
        try
        {
            certificate = string.IsNullOrEmpty(KeyPath)
                ? X509CertificateLoader.LoadPkcs12FromFile(Path!, Password)
                : string.IsNullOrEmpty(Password)
                    ? X509Certificate2.CreateFromPemFile(Path!, KeyPath)
                    : X509Certificate2.CreateFromEncryptedPemFile(Path!, Password, KeyPath);
        }
        catch (Exception e) when (e is CryptographicException or IOException or UnauthorizedAccessException or ArgumentException)
        {
            throw AuthOptions.Refuse("DataProtectionCertificate:Path", $"names '{Path}', which could not be loaded{(string.IsNullOrEmpty(KeyPath) ? "" : $" with the key '{KeyPath}'")}: {e.Message}");
        }

        // Data Protection encrypts to the certificate with XML encryption, which takes RSA keys only.
        using var rsa = certificate.GetRSAPrivateKey();
        if (rsa is null)
        {
            certificate.Dispose();
            throw AuthOptions.Refuse("DataProtectionCertificate:Path", $"names '{Path}', which holds no RSA private key: the Data Protection keys are encrypted with RSA.");
        }

        return certificate;
    }
}
