using System.Security.Cryptography;
using System.Text;

namespace CrossCheck.Server.Access;

/// <summary>Tokens are kept as their SHA-256 only; a presented token is hashed and compared in fixed time.</summary>
public static class TokenHasher
{
    public static string Hash(string token) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(token)));

    public static bool Matches(string presentedHash, string storedHash) =>
        storedHash.Length == presentedHash.Length
        && CryptographicOperations.FixedTimeEquals(Encoding.ASCII.GetBytes(presentedHash), Encoding.ASCII.GetBytes(storedHash.ToLowerInvariant()));
}
