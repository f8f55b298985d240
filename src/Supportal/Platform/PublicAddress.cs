using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.Options;

namespace Supportal.Platform;

/// <summary>
/// The address people reach the portal at, which every link in an e-mail starts with. It comes from
/// <c>Portal:PublicUrl</c>, never from the request being served: a request's Host header is whatever its sender
/// wrote, and a reset link pointing at someone else's host would hand them the token.
/// </summary>
public sealed class PublicAddress(IOptions<PortalOptions> options, IServer server)
{
    /// <summary>Scheme, host, port and any path prefix, without a trailing slash: "https://support.example.com".</summary>
    public string Root => options.Value.PublicUrl is { Length: > 0 } url ? url.TrimEnd('/') : FirstListenAddress();

    public Uri RootUri => new(Root + "/");

    /// <summary>
    /// Development only (outside it the setting is required): the first address the app listens on, with a
    /// wildcard host read as this machine.
    /// </summary>
    private string FirstListenAddress()
    {
        var address = server.Features.Get<IServerAddressesFeature>()?.Addresses.FirstOrDefault()
            ?? throw new InvalidOperationException($"{PortalOptions.Section}:{nameof(PortalOptions.PublicUrl)} is not set and the app listens on no address yet.");
        var uri = new UriBuilder(address.Replace("://+", "://localhost", StringComparison.Ordinal).Replace("://*", "://localhost", StringComparison.Ordinal));
        if (uri.Host is "0.0.0.0" or "[::]" or "::")
            uri.Host = "localhost";
        return uri.Uri.GetLeftPart(UriPartial.Authority);
    }

    /// <summary>An absolute http(s) address with nothing after the path: what <c>Portal:PublicUrl</c> must be.</summary>
    public static bool IsValid(string? url) =>
        Uri.TryCreate(url, UriKind.Absolute, out var uri)
        && uri.Scheme is "https" or "http"
        && string.IsNullOrEmpty(uri.Query) && string.IsNullOrEmpty(uri.Fragment) && string.IsNullOrEmpty(uri.UserInfo);
}
