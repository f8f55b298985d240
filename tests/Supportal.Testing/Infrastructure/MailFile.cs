using System.Text;
using System.Text.RegularExpressions;

namespace Supportal.Tests.Infrastructure;

/// <summary>Just enough MIME reading to check what a real SMTP server received: headers and decoded parts.</summary>
public sealed partial class MailFile
{
    public required IReadOnlyDictionary<string, string> Headers { get; init; }
    public required IReadOnlyDictionary<string, string> Parts { get; init; }

    public string Header(string name) => Headers.TryGetValue(name, out var v) ? v : "";
    public string Subject => DecodeWords(Header("Subject"));
    public string From => DecodeWords(Header("From"));
    public string To => DecodeWords(Header("To"));
    public string Text => Parts.TryGetValue("text/plain", out var t) ? t : "";
    public string Html => Parts.TryGetValue("text/html", out var h) ? h : "";

    public static MailFile Parse(string raw)
    {
        var (headers, body) = Split(raw);
        var parts = new Dictionary<string, string>();
        var contentType = headers.GetValueOrDefault("Content-Type", "text/plain");
        if (BoundaryPattern().Match(contentType) is { Success: true } boundary)
        {
            foreach (var chunk in body.Split("--" + boundary.Groups[1].Value).Skip(1))
            {
                if (chunk.StartsWith("--", StringComparison.Ordinal))
                    break;
                var (partHeaders, partBody) = Split(chunk.TrimStart('\r', '\n'));
                parts[MediaType(partHeaders.GetValueOrDefault("Content-Type", "text/plain"))] =
                    Decode(partBody, partHeaders.GetValueOrDefault("Content-Transfer-Encoding", "7bit"));
            }
        }
        else
        {
            parts[MediaType(contentType)] = Decode(body, headers.GetValueOrDefault("Content-Transfer-Encoding", "7bit"));
        }
        return new MailFile { Headers = headers, Parts = parts };
    }

    private static (Dictionary<string, string> Headers, string Body) Split(string text)
    {
        text = text.Replace("\r\n", "\n", StringComparison.Ordinal);
        var end = text.IndexOf("\n\n", StringComparison.Ordinal);
        var head = end < 0 ? text : text[..end];
        var headers = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (var line in head.Replace("\n ", " ", StringComparison.Ordinal).Replace("\n\t", " ", StringComparison.Ordinal).Split('\n'))
        {
            var colon = line.IndexOf(':', StringComparison.Ordinal);
            if (colon > 0)
                headers.TryAdd(line[..colon].Trim(), line[(colon + 1)..].Trim());
        }
        return (headers, end < 0 ? "" : text[(end + 2)..]);
    }

    private static string MediaType(string contentType) => contentType.Split(';')[0].Trim().ToLowerInvariant();

    private static string Decode(string body, string encoding) => encoding.Trim().ToLowerInvariant() switch
    {
        "base64" => Encoding.UTF8.GetString(Convert.FromBase64String(string.Concat(body.Where(c => !char.IsWhiteSpace(c))))),
        "quoted-printable" => DecodeQuotedPrintable(body),
        _ => body,
    };

    private static string DecodeQuotedPrintable(string body)
    {
        var bytes = new List<byte>();
        var text = body.Replace("=\n", "", StringComparison.Ordinal);
        for (var i = 0; i < text.Length; i++)
        {
            if (text[i] == '=' && i + 2 < text.Length && Uri.IsHexDigit(text[i + 1]) && Uri.IsHexDigit(text[i + 2]))
            {
                bytes.Add(Convert.ToByte(text.Substring(i + 1, 2), 16));
                i += 2;
            }
            else
            {
                bytes.AddRange(Encoding.UTF8.GetBytes(text[i].ToString()));
            }
        }
        return Encoding.UTF8.GetString(bytes.ToArray());
    }

    /// <summary>Decodes RFC 2047 words such as =?utf-8?B?...?= in headers.</summary>
    private static string DecodeWords(string value) => EncodedWordPattern().Replace(value, m =>
    {
        var bytes = m.Groups[2].Value.Equals("B", StringComparison.OrdinalIgnoreCase)
            ? Convert.FromBase64String(m.Groups[3].Value)
            : Encoding.UTF8.GetBytes(DecodeQuotedPrintable(m.Groups[3].Value.Replace('_', ' ')));
        return Encoding.GetEncoding(m.Groups[1].Value).GetString(bytes);
    }).Replace("?= =?", "", StringComparison.Ordinal);

    [GeneratedRegex("boundary=\"?([^\";]+)\"?", RegexOptions.IgnoreCase)]
    private static partial Regex BoundaryPattern();

    [GeneratedRegex(@"=\?([^?]+)\?([BbQq])\?([^?]*)\?=(?:\s+(?==\?))?")]
    private static partial Regex EncodedWordPattern();
}
