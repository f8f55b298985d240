using System.Buffers.Binary;
using System.Security.Cryptography;

namespace Supportal.Accounts;

/// <summary>
/// The codes an authenticator app shows (RFC 6238: HMAC-SHA1 over 30-second steps, 6 digits), computed here
/// rather than by Identity because the portal needs to know which step a code belongs to (each is accepted once).
/// </summary>
public static class Totp
{
    private const string Alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";

    public static long Step(DateTimeOffset at) => at.ToUnixTimeSeconds() / 30;

    public static string Code(string base32Key, DateTimeOffset at) => Code(Base32Decode(base32Key), Step(at));

    public static string Code(byte[] key, long step)
    {
        Span<byte> counter = stackalloc byte[8];
        BinaryPrimitives.WriteInt64BigEndian(counter, step);
#pragma warning disable CA5350 // RFC 6238 codes are HMAC-SHA-1, as every authenticator app computes them.
        var hash = HMACSHA1.HashData(key, counter);
#pragma warning restore CA5350
        // Dynamic truncation (RFC 4226, 5.3): the low nibble of the last byte picks four bytes.
        var offset = hash[^1] & 0x0F;
        var value = BinaryPrimitives.ReadInt32BigEndian(hash.AsSpan(offset, 4)) & 0x7FFFFFFF;
        return (value % 1_000_000).ToString("D6", System.Globalization.CultureInfo.InvariantCulture);
    }

    public static byte[] Base32Decode(string text)
    {
        var bytes = new List<byte>();
        int buffer = 0, bits = 0;
        foreach (var c in text.ToUpperInvariant())
        {
            if (c is ' ' or '=')
                continue;
            var index = Alphabet.IndexOf(c, StringComparison.Ordinal);
            if (index < 0)
                throw new FormatException($"'{c}' is not a base32 character.");
            buffer = (buffer << 5) | index;
            bits += 5;
            if (bits >= 8)
            {
                bits -= 8;
                bytes.Add((byte)(buffer >> bits));
                buffer &= (1 << bits) - 1;
            }
        }
        return bytes.ToArray();
    }
}
