using System.Linq.Expressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Query;
using Supportal.Contracts;
using Supportal.Data;
using Supportal.Tickets;

namespace Supportal.Sla;

/// <summary>
/// The contract a ticket is served under: its asset's contract; without an asset, its organization's contract active
/// today with the highest level (the seed numbers Premium after Standard); else none, and the ticket is served at the
/// standard level. The one rule behind the SLA targets, routing, the agent's side panel and the views' level filter.
/// </summary>
/// <remarks>
/// Written once as a query expression over the ticket's asset and organization, then given either values in hand (a
/// ticket being saved, perhaps its earlier values) or a ticket row's columns, where it becomes a subquery per row.
/// </remarks>
public static class ServingContract
{
    /// <summary>The contract for a ticket with this asset and organization; empty when none.</summary>
    public static IQueryable<Contract> Of(AppDbContext db, DateTime now, int? assetId, int? organizationId)
    {
        // Read from closures, so the values travel as parameters and the statement's plan is reused.
        Expression<Func<int?>> asset = () => assetId, organization = () => organizationId;
        Expression<Func<Contract, int?, bool>> match = (c, id) => c.Id == id;
        var contract = match.Parameters[0];
        return db.Contracts.Where(Expression.Lambda<Func<Contract, bool>>(
            Inline(match, contract, Inline(Rule(db, now), asset.Body, organization.Body)), contract));
    }

    /// <summary>The service level a ticket with this asset and organization is served at.</summary>
    public static async Task<int> LevelAsync(AppDbContext db, DateTime now, int? assetId, int? organizationId) =>
        await Of(db, now, assetId, organizationId).Select(c => (int?)c.ServiceLevelId).FirstOrDefaultAsync()
        ?? SlaTracker.StandardServiceLevel;

    /// <summary>The id of the contract each ticket row is served under (null when none), for queries over tickets.</summary>
    public static Expression<Func<Ticket, int?>> IdOf(AppDbContext db, DateTime now)
    {
        var ticket = Expression.Parameter(typeof(Ticket), "t");
        return Expression.Lambda<Func<Ticket, int?>>(Inline(Rule(db, now),
            Expression.Property(ticket, nameof(Ticket.AssetId)), Expression.Property(ticket, nameof(Ticket.OrganizationId))), ticket);
    }

    /// <summary>Ticket rows served at this level: a subquery per row, so meant for a filter someone chose.</summary>
    public static Expression<Func<Ticket, bool>> AtLevel(AppDbContext db, DateTime now, int level)
    {
        Expression<Func<int?, bool>> at = id => (db.Contracts.Where(c => c.Id == id).Select(c => (int?)c.ServiceLevelId).FirstOrDefault()
            ?? SlaTracker.StandardServiceLevel) == level;
        var served = IdOf(db, now);
        return Expression.Lambda<Func<Ticket, bool>>(Inline(at, served.Body), served.Parameters);
    }

    /// <summary>The rule: the serving contract's id for a ticket's asset and organization.</summary>
    private static Expression<Func<int?, int?, int?>> Rule(AppDbContext db, DateTime now)
    {
        var active = Contract.ActiveOn(DateOnly.FromDateTime(now));
        return (assetId, organizationId) => assetId != null
            ? db.Assets.Where(a => a.Id == assetId).Select(a => (int?)a.ContractId).FirstOrDefault()
            : db.Contracts.Where(c => c.OrganizationId == organizationId).Where(active)
                .OrderByDescending(c => c.ServiceLevelId).ThenBy(c => c.Id).Select(c => (int?)c.Id).FirstOrDefault();
    }

    /// <summary>A lambda's body with its parameters replaced by these expressions, as if it were called inside a query.</summary>
    private static Expression Inline(LambdaExpression lambda, params Expression[] arguments) =>
        new ReplacingExpressionVisitor(lambda.Parameters, arguments).Visit(lambda.Body);
}
