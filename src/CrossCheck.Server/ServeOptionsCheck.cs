using CrossCheck.Ingest;
using CrossCheck.Server.Access;

namespace CrossCheck.Server;

/// <summary>Refuses a serve configuration that cannot work, with one line naming the setting.</summary>
public static class ServeOptionsCheck
{
    public static void ThrowIfInvalid(ServeOptions serve)
    {
        if (serve.Workers is < 1 or > 256)
        {
            throw new InputException($"--workers {serve.Workers}: give a number from 1 to 256.");
        }
        if (serve.ClaimsPerRun is < 1 or > 256)
        {
            throw new InputException($"{ServeOptions.Section}:ClaimsPerRun {serve.ClaimsPerRun}: give a number from 1 to 256.");
        }
        if (serve.MaxUploadMiB is < 1 or > 4096)
        {
            throw new InputException($"{ServeOptions.Section}:MaxUploadMiB {serve.MaxUploadMiB}: give a number of MiB from 1 to 4096.");
        }
        if (!ApiRoles.IsKnown(serve.AnonymousRole))
        {
            throw new InputException($"{ServeOptions.Section}:AnonymousRole '{serve.AnonymousRole}': use read, submit or admin.");
        }
        for (var i = 0; i < serve.Tokens.Count; i++)
        {
            var t = serve.Tokens[i];
            var at = $"{ServeOptions.Section}:Tokens:{i}";
            if (string.IsNullOrWhiteSpace(t.Name))
            {
                throw new InputException($"{at}:Name is empty; give each token the name of its user.");
            }
            if (!ApiRoles.IsKnown(t.Role))
            {
                throw new InputException($"{at}:Role '{t.Role}': use read, submit or admin.");
            }
            if (t.Sha256.Length != 64 || !t.Sha256.All(Uri.IsHexDigit))
            {
                throw new InputException($"{at}:Sha256 must be the token's SHA-256 in hex (64 characters); 'crosscheck serve --hash-token <token>' prints it.");
            }
        }
    }
}
