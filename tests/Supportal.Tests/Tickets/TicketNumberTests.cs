using Microsoft.EntityFrameworkCore;
using Supportal.Tests.Infrastructure;
using Supportal.Tickets;

namespace Supportal.Tests.Tickets;

public sealed class TicketNumberTests(PortalFactory portal) : IClassFixture<PortalFactory>
{
    [Fact]
    public async Task Numbers_start_at_10001_and_follow_each_other()
    {
        var requester = await portal.CreateUserAsync("numbers@customer.test");
        var ids = await portal.WithDbAsync(async db =>
        {
            var now = portal.Clock.GetUtcNow().UtcDateTime;
            var tickets = Enumerable.Range(0, 3).Select(i => new Ticket
            {
                Kind = TicketKind.Administrative, Subject = $"Numbered {i}", RequesterId = requester.Id, CreatedAt = now, UpdatedAt = now,
            }).ToList();
            foreach (var ticket in tickets)
            {
                db.Tickets.Add(ticket);
                await db.SaveChangesAsync();
            }
            return tickets.Select(t => t.Id).ToList();
        });

        (await portal.WithDbAsync(db => db.Tickets.MinAsync(t => t.Id))).ShouldBe(Ticket.FirstNumber);
        ids[1].ShouldBe(ids[0] + 1);
        ids[2].ShouldBe(ids[1] + 1);
    }
}
