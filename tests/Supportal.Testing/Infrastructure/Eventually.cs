namespace Supportal.Tests.Infrastructure;

/// <summary>Waits for something that happens on another thread or process, failing with a clear message.</summary>
/// <remarks>
/// Only for real work done elsewhere: a message reaching the SMTP server, a server starting to listen, a request the
/// browser sent. Never for time to pass: lifetimes, due times and the app's timers all run on the fake clock
/// (<see cref="PortalFactory.Clock"/>), which the test moves itself.
/// </remarks>
public static class Eventually
{
    public static async Task TrueAsync(Func<Task<bool>> condition, string what, int seconds = 20)
    {
        var deadline = DateTime.UtcNow.AddSeconds(seconds);
        while (!await condition())
        {
            if (DateTime.UtcNow > deadline)
                throw new TimeoutException($"Gave up waiting for {what} after {seconds} s.");
            await Task.Delay(50);
        }
    }
}
