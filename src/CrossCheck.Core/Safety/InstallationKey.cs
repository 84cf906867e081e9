using System.Security.Cryptography;
using System.Text;

namespace CrossCheck.Safety;

/// <summary>
/// The installation's signing key: an ECDSA P-256 key pair made on first use, the private key kept
/// as PEM in the user's profile (<c>$CROSSCHECK_KEY_DIR</c>, else <c>~/.config/crosscheck</c>) with
/// owner-only permissions. It signs a run's final head hash, so a log rewritten with recomputed
/// hashes no longer matches the signature. What it proves: the log is unchanged since this key
/// signed it. What it does not prove: that the key's owner was honest, or that the calls happened.
/// </summary>
public sealed class InstallationKey : IDisposable
{
    public const string Algorithm = "ECDSA-P256-SHA256";
    public const string FileName = "signing-key.pem";

    private readonly ECDsa _key;

    private InstallationKey(ECDsa key, string path)
    {
        _key = key;
        FilePath = path;
    }

    public string FilePath { get; }

    /// <summary>PEM of the public key (SubjectPublicKeyInfo), for editors to pin.</summary>
    public string PublicKeyPem => _key.ExportSubjectPublicKeyInfoPem();

    /// <summary>A short id of the public key: the first 16 hex digits of its SHA-256.</summary>
    public string KeyId => IdOf(_key.ExportSubjectPublicKeyInfo());

    public static string DefaultDirectory(Func<string, string?> environment)
    {
        if (environment("CROSSCHECK_KEY_DIR") is { Length: > 0 } dir)
        {
            return dir;
        }
        var config = environment("XDG_CONFIG_HOME") is { Length: > 0 } xdg
            ? xdg
            : Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".config");
        return Path.Combine(config, "crosscheck");
    }

    /// <summary>Loads the key from <paramref name="directory"/>, creating it (owner-only) when absent.</summary>
    public static InstallationKey LoadOrCreate(string directory)
    {
        var path = Path.Combine(directory, FileName);
        var key = ECDsa.Create();
        if (File.Exists(path))
        {
            try
            {
                key.ImportFromPem(File.ReadAllText(path));
            }
            catch (Exception e) when (e is ArgumentException or CryptographicException)
            {
                key.Dispose();
                throw new InvalidDataException($"{path}: not a readable signing key ({e.Message}); move it away and a new key is made on the next run.", e);
            }
            return new InstallationKey(key, path);
        }
        key.GenerateKey(ECCurve.NamedCurves.nistP256);
        var created = Directory.CreateDirectory(directory);
        if (!OperatingSystem.IsWindows())
        {
            File.SetUnixFileMode(created.FullName, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        }
        var temp = path + "." + Environment.ProcessId + ".tmp";
        using (var stream = OperatingSystem.IsWindows()
            ? new FileStream(temp, FileMode.CreateNew, FileAccess.Write)
            : new FileStream(temp, new FileStreamOptions
            {
                Mode = FileMode.CreateNew, Access = FileAccess.Write,
                UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite,
            }))
        {
            stream.Write(Encoding.ASCII.GetBytes(key.ExportPkcs8PrivateKeyPem()));
        }
        try
        {
            File.Move(temp, path, overwrite: false);
        }
        catch (IOException)
        {
            // Another process made the key first: use that one.
            File.Delete(temp);
            key.Dispose();
            return LoadOrCreate(directory);
        }
        return new InstallationKey(key, path);
    }

    /// <summary>The bytes that are signed: the format tag, the run id and the head hash.</summary>
    public static byte[] Message(string runId, string headHash) =>
        Encoding.UTF8.GetBytes($"crosscheck-log-head/1\n{runId}\n{headHash}");

    public string Sign(string runId, string headHash) =>
        Convert.ToBase64String(_key.SignData(Message(runId, headHash), HashAlgorithmName.SHA256));

    /// <summary>Checks a signature against a public key given as PEM.</summary>
    public static bool Verify(string publicKeyPem, string runId, string headHash, string signatureBase64)
    {
        using var key = ECDsa.Create();
        key.ImportFromPem(publicKeyPem);
        byte[] signature;
        try
        {
            signature = Convert.FromBase64String(signatureBase64);
        }
        catch (FormatException)
        {
            return false;
        }
        return key.VerifyData(Message(runId, headHash), signature, HashAlgorithmName.SHA256);
    }

    /// <summary>The key id of a public key given as PEM.</summary>
    public static string IdOfPem(string publicKeyPem)
    {
        using var key = ECDsa.Create();
        key.ImportFromPem(publicKeyPem);
        return IdOf(key.ExportSubjectPublicKeyInfo());
    }

    private static string IdOf(byte[] spki) => Convert.ToHexStringLower(SHA256.HashData(spki))[..16];

    public void Dispose() => _key.Dispose();
}
