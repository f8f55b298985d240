using System.Globalization;
using System.Security.Claims;
using System.Text.Json;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Supportal.Accounts;
using Supportal.Data;
using Supportal.Tickets;
using Supportal.Workspace;

namespace Supportal.Pages.Agent;

public enum BulkAction
{
    TakeIt,
    Assign,
    SetStatus,
    SetPriority,
    AddTag,
    RemoveTag,
}

/// <summary>
/// The bulk form under a view: the rows ticked, each as "number:version" (the version the row was shown with, so a
/// ticket changed meanwhile is reported instead of overwritten), the button pressed and that button's value.
/// </summary>
public sealed class ViewsBulkInput
{
    /// <summary>The statuses an agent may set by hand, as on the ticket screen.</summary>
    public static readonly TicketStatus[] Statuses = [TicketStatus.Open, TicketStatus.Pending, TicketStatus.OnHold, TicketStatus.Solved];

    public List<string> Tickets { get; set; } = [];
    public string? Action { get; set; }
    public string? Assignee { get; set; }
    public string? Status { get; set; }
    public string? Priority { get; set; }
    public string? Tag { get; set; }

    public static string Pick(long id, int version) => string.Create(CultureInfo.InvariantCulture, $"{id}:{version}");

    public bool Picked(long id) => Picks().Any(p => p.Id == id);

    /// <summary>The well-formed picks, each ticket once.</summary>
    public List<(long Id, int Version)> Picks() => Tickets
        .Select(t => t.Split(':'))
        .Where(p => p.Length == 2 && long.TryParse(p[0], NumberStyles.None, CultureInfo.InvariantCulture, out _)
            && int.TryParse(p[1], NumberStyles.None, CultureInfo.InvariantCulture, out _))
        .Select(p => (long.Parse(p[0], CultureInfo.InvariantCulture), int.Parse(p[1], CultureInfo.InvariantCulture)))
        .DistinctBy(p => p.Item1).ToList();

    /// <summary>
    /// Checks the whole request first (nothing changes when it fails), then applies the change to each ticket through
    /// <see cref="TicketWorkflow"/>, one transaction per ticket, so its status rules, history, SLA and mails hold.
    /// </summary>
    public async Task<ViewsBulkOutcome?> RunAsync(AppDbContext db, TicketWorkflow workflow, IStringLocalizer localizer,
        ClaimsPrincipal user, ModelStateDictionary modelState, int limit)
    {
        var picks = Picks();
        if (picks.Count == 0)
            modelState.AddModelError("Bulk.Tickets", localizer["Views.Bulk.NoneSelected"]);
        else if (picks.Count > limit)
            modelState.AddModelError("Bulk.Tickets", localizer["Views.Bulk.TooMany", limit]);
        var me = user.RequiredAccountId();
        var change = await ChangeAsync(db, localizer, me, modelState, picks.Select(p => p.Id).ToList());
        if (!modelState.IsValid || change is null)
            return null;

        var ids = picks.Select(p => p.Id).ToList();
        var visible = (await db.Tickets.AsNoTracking().VisibleTo(db, user).Where(t => ids.Contains(t.Id)).Select(t => t.Id).ToListAsync()).ToHashSet();
        var actor = await db.Users.SingleAsync(u => u.Id == me);
        var (updated, unchanged, refusals) = (0, 0, new List<string>());
        foreach (var (id, version) in picks)
        {
            if (!visible.Contains(id))
            {
                refusals.Add(localizer["Views.Bulk.NotFound", id]);
                continue;
            }
            var result = await workflow.ApplyAsync(id, version, actor, change(id));
            if (result.Conflict)
                refusals.Add(localizer["Views.Bulk.Conflict", id]);
            else if (result.Errors.Count > 0)
                refusals.Add(localizer["Views.Bulk.Refused", id, string.Join(" ", result.Errors.Values.Distinct().Select(k => localizer[k].Value))]);
            else if (result.Events.Count > 0)
                updated++;
            else
                unchanged++;
        }
        return new ViewsBulkOutcome(updated, unchanged, refusals);
    }

    /// <summary>The change each ticket gets, or null with the reason in <paramref name="modelState"/>.</summary>
    private async Task<Func<long, TicketChanges>?> ChangeAsync(AppDbContext db, IStringLocalizer localizer, Guid me,
        ModelStateDictionary modelState, List<long> ids)
    {
        void Error(string field, string key) => modelState.AddModelError($"Bulk.{field}", localizer[key]);
        if (!Enum.TryParse<BulkAction>(Action, out var action) || !Enum.IsDefined(action) || int.TryParse(Action, out _))
        {
            Error("Action", "Views.Bulk.UnknownAction");
            return null;
        }
        switch (action)
        {
            case BulkAction.TakeIt:
                return _ => new TicketChanges { Assignee = new(me) };
            case BulkAction.Assign:
                if (Assignee == ViewsFilter.Nobody)
                    return _ => new TicketChanges { Assignee = new(null) };
                if (Guid.TryParse(Assignee, out var agent) && await TicketWorkflow.SupportStaff(db).AnyAsync(u => u.Id == agent))
                    return _ => new TicketChanges { Assignee = new(agent) };
                Error("Assignee", "Views.Bulk.UnknownAgent");
                return null;
            case BulkAction.SetStatus:
                if (Enum.TryParse<TicketStatus>(Status, out var status) && !int.TryParse(Status, out _) && Statuses.Contains(status))
                    return _ => new TicketChanges { Status = status };
                Error("Status", "Views.Bulk.UnknownStatus");
                return null;
            case BulkAction.SetPriority:
                if (Enum.TryParse<TicketPriority>(Priority, out var priority) && !int.TryParse(Priority, out _) && Enum.IsDefined(priority))
                    return _ => new TicketChanges { Priority = priority };
                Error("Priority", "Views.Bulk.UnknownPriority");
                return null;
        }
        var tags = TicketChanges.SplitTags(Tag);
        if (tags.Count == 0)
            Error("Tag", "Views.Bulk.TagRequired");
        else if (tags.Any(t => t.Length > TicketTag.Length))
            Error("Tag", "Workflow.TagTooLong");
        if (!modelState.IsValid)
            return null;
        if (action == BulkAction.AddTag)
            return _ => new TicketChanges { AddTags = tags };
        // Removing needs the rest of each ticket's tags; the version check refuses a ticket whose tags changed since.
        var current = (await db.TicketTags.AsNoTracking().Where(t => ids.Contains(t.TicketId)).Select(t => new { t.TicketId, t.Tag }).ToListAsync())
            .ToLookup(t => t.TicketId, t => t.Tag);
        return id => new TicketChanges { Tags = current[id].Except(tags).ToList() };
    }
}

/// <summary>What a bulk change did: tickets updated, already as asked, and each refusal with its reason.</summary>
public sealed record ViewsBulkOutcome(int Updated, int Unchanged, IReadOnlyList<string> Refusals)
{
    public const string Key = "ViewsBulkOutcome";

    public string ToJson() => JsonSerializer.Serialize(this);

    public static ViewsBulkOutcome? FromJson(string? json) => json is null ? null : JsonSerializer.Deserialize<ViewsBulkOutcome>(json);
}
