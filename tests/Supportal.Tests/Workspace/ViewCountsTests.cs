using Microsoft.Extensions.DependencyInjection;
using Supportal.Data;
using Supportal.Tests.Infrastructure;
using Supportal.Workspace;

namespace Supportal.Tests.Workspace;

/// <summary>The portal's own <see cref="ViewCounts"/> and clock, with counts made up by each test (the pages test the real ones).</summary>
public sealed class ViewCountsTests(PortalFactory portal) : IClassFixture<PortalFactory>
{
    private ViewCounts Counts => portal.Services.GetRequiredService<ViewCounts>();

    private static Dictionary<TicketView, int> Unassigned(int count) => new() { [TicketView.Unassigned] = count };

    /// <summary>A count that gives <paramref name="count"/> once the test lets it, and tells how often it was asked.</summary>
    private sealed class HeldCount(int count)
    {
        private readonly TaskCompletionSource release = new(TaskCreationOptions.RunContinuationsAsynchronously);
        private int calls;

        public int Calls => calls;

        public void Release() => release.SetResult();

        public async Task<Dictionary<TicketView, int>> RunAsync(AppDbContext _)
        {
            Interlocked.Increment(ref calls);
            await release.Task;
            return Unassigned(count);
        }
    }

    private async Task<Guid> AgentCountedAsync(int count)
    {
        var agent = Guid.NewGuid();
        (await Counts.GetAsync(agent, _ => Task.FromResult(Unassigned(count))))[TicketView.Unassigned].ShouldBe(count);
        return agent;
    }

    [Fact]
    public async Task Expired_counts_are_answered_at_once_while_one_recount_runs_and_are_replaced_when_it_ends()
    {
        var agent = await AgentCountedAsync(1);
        portal.Clock.Advance(ViewCounts.KeepFor);
        var recount = new HeldCount(2);

        for (var i = 0; i < 3; i++)
        {
            var answer = Counts.GetAsync(agent, recount.RunAsync);
            // Answered without waiting for the recount, which has not been let finish.
            answer.IsCompletedSuccessfully.ShouldBeTrue();
            (await answer)[TicketView.Unassigned].ShouldBe(1);
        }
        var running = Counts.RecountOf(agent);
        running.IsCompleted.ShouldBeFalse();
        recount.Release();
        await running;

        (await Counts.GetAsync(agent, _ => throw new InvalidOperationException("The recount's counts are fresh.")))[TicketView.Unassigned].ShouldBe(2);
        recount.Calls.ShouldBe(1);
    }

    [Fact]
    public async Task A_failed_recount_leaves_the_last_counts_and_the_next_request_tries_again()
    {
        var agent = await AgentCountedAsync(1);
        portal.Clock.Advance(ViewCounts.KeepFor);

        (await Counts.GetAsync(agent, _ => Task.FromException<Dictionary<TicketView, int>>(new TimeoutException())))[TicketView.Unassigned].ShouldBe(1);
        await Counts.RecountOf(agent);
        (await Counts.GetAsync(agent, _ => Task.FromResult(Unassigned(2))))[TicketView.Unassigned].ShouldBe(1);
        await Counts.RecountOf(agent);
        (await Counts.GetAsync(agent, _ => throw new InvalidOperationException("The recount's counts are fresh.")))[TicketView.Unassigned].ShouldBe(2);
    }

    [Fact]
    public async Task After_forget_the_next_answer_is_counted_and_a_recount_begun_before_does_not_replace_it()
    {
        var agent = await AgentCountedAsync(1);
        portal.Clock.Advance(ViewCounts.KeepFor);
        var before = new HeldCount(1);
        var stale = Counts.GetAsync(agent, before.RunAsync);
        stale.IsCompletedSuccessfully.ShouldBeTrue();
        (await stale)[TicketView.Unassigned].ShouldBe(1);
        var running = Counts.RecountOf(agent);
        running.IsCompleted.ShouldBeFalse();

        Counts.Forget(agent);
        (await Counts.GetAsync(agent, _ => Task.FromResult(Unassigned(2))))[TicketView.Unassigned].ShouldBe(2);
        before.Release();
        await running;

        (await Counts.GetAsync(agent, _ => throw new InvalidOperationException("The counts after the change are fresh.")))[TicketView.Unassigned].ShouldBe(2);
    }
}
