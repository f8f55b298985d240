namespace Supportal.Tests.Infrastructure;

/// <summary>Waits for something that happens on another thread or process, failing with a clear message.</summary>
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
