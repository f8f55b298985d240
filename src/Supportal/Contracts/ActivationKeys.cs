using System.Security.Cryptography;

namespace Supportal.Contracts;

/// <summary>New activation keys: read aloud over the phone or copied from paper, so no look-alike characters.</summary>
public static class ActivationKeys
{
    // No 0/O, 1/I/L: 31 characters, so 20 of them carry about 99 bits.
    private const string Alphabet = "ABCDEFGHJKMNPQRSTUVWXYZ23456789";
    private const int Groups = 4;
    private const int GroupLength = 5;

    public static string Generate() =>
        string.Join('-', Enumerable.Range(0, Groups).Select(_ => RandomNumberGenerator.GetString(Alphabet, GroupLength)));
}
