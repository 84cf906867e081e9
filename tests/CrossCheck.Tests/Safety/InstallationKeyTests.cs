using CrossCheck.Safety;

namespace CrossCheck.Tests.Safety;

public sealed class InstallationKeyTests : IDisposable
{
    private readonly string _dir = Path.Combine(Directory.CreateTempSubdirectory("cc-key-").FullName, "crosscheck");

    [Fact]
    public void LoadOrCreate_MakesAnOwnerOnlyKeyOnce()
    {
        string id;
        using (var key = InstallationKey.LoadOrCreate(_dir))
        {
            id = key.KeyId;
            if (!OperatingSystem.IsWindows())
            {
                Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(key.FilePath));
            }
        }
        using var again = InstallationKey.LoadOrCreate(_dir);
        Assert.Equal(id, again.KeyId);
    }

    [Fact]
    public void Sign_VerifiesWithThePublicKey_AndNotForAnotherHead()
    {
        using var key = InstallationKey.LoadOrCreate(_dir);
        var head = new string('a', 64);
        var signature = key.Sign("run1", head);
        Assert.True(InstallationKey.Verify(key.PublicKeyPem, "run1", head, signature));
        Assert.False(InstallationKey.Verify(key.PublicKeyPem, "run1", new string('b', 64), signature));
        Assert.False(InstallationKey.Verify(key.PublicKeyPem, "run2", head, signature));
        Assert.Equal(key.KeyId, InstallationKey.IdOfPem(key.PublicKeyPem));
    }

    [Fact]
    public void Verify_OtherKey_Fails()
    {
        using var key = InstallationKey.LoadOrCreate(_dir);
        using var other = InstallationKey.LoadOrCreate(_dir + "-other");
        var signature = other.Sign("run1", "h");
        Assert.False(InstallationKey.Verify(key.PublicKeyPem, "run1", "h", signature));
    }

    public void Dispose()
    {
        Directory.Delete(Path.GetDirectoryName(_dir)!, recursive: true);
    }
}
