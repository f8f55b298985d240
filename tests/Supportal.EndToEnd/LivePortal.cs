using Supportal.Tests.Infrastructure;

namespace Supportal.EndToEnd;

/// <summary>The app on a real loopback port over a throwaway database, for the browser to visit.</summary>
public class LivePortal : IAsyncLifetime
{
    public PortalFactory Factory { get; } = new();

    public string Url { get; private set; } = "";

    protected virtual Task ConfigureAsync() => Task.CompletedTask;

    public async Task InitializeAsync()
    {
        await ((IAsyncLifetime)Factory).InitializeAsync();
        await ConfigureAsync();
        Url = Factory.StartOnRealPort();
    }

    public virtual Task DisposeAsync() => ((IAsyncLifetime)Factory).DisposeAsync();
}
