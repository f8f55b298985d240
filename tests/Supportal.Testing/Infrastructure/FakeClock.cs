namespace Supportal.Tests.Infrastructure;

/// <summary>A clock the test moves by hand. Timers still run in real time; only "now" is faked.</summary>
public sealed class FakeClock : TimeProvider
{
    // Whole seconds: PostgreSQL keeps microseconds, so a time with finer ticks would not read back equal.
    private long ticks = DateTimeOffset.UtcNow.Ticks / TimeSpan.TicksPerSecond * TimeSpan.TicksPerSecond;

    public override DateTimeOffset GetUtcNow() => new(Interlocked.Read(ref ticks), TimeSpan.Zero);

    public void Advance(TimeSpan by) => Interlocked.Add(ref ticks, by.Ticks);
}
