using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Supportal.Data;
using Supportal.Tickets;

namespace Supportal.Workspace;

/// <summary>
/// A macro's reply text with its placeholders filled in. Known placeholders: <c>{{requester.name}}</c>,
/// <c>{{ticket.number}}</c>, <c>{{agent.name}}</c> (spaces inside the braces and letter case do not matter);
/// anything else in braces stays exactly as typed, so a typo shows in the preview instead of vanishing.
/// </summary>
public static partial class MacroText
{
    public const string RequesterName = "requester.name";
    public const string TicketNumber = "ticket.number";
    public const string AgentName = "agent.name";

    /// <summary>The placeholders, in the order the macro form documents them.</summary>
    public static readonly IReadOnlyList<string> Placeholders = [RequesterName, TicketNumber, AgentName];

    public static string Render(string body, string requesterName, long ticketNumber, string agentName) =>
        Placeholder().Replace(body ?? "", match => match.Groups[1].Value.ToLowerInvariant() switch
        {
            RequesterName => requesterName,
            TicketNumber => ticketNumber.ToString(System.Globalization.CultureInfo.InvariantCulture),
            AgentName => agentName,
            _ => match.Value,
        });

    /// <summary>
    /// Tags as stored: split on spaces and commas, lower-cased, without a leading "#", each once.
    /// Null when one is too long or has characters other than letters, digits, "-", "_" and ".".
    /// </summary>
    public static IReadOnlyList<string>? Tags(string? text)
    {
        var tags = (text ?? "").Split([' ', ',', '\t', '\r', '\n'], StringSplitOptions.RemoveEmptyEntries)
            .Select(t => t.TrimStart('#').ToLowerInvariant()).Where(t => t.Length > 0).Distinct().ToList();
        return tags.All(t => t.Length <= TicketTag.Length && t.All(c => char.IsLetterOrDigit(c) || c is '-' or '_' or '.')) ? tags : null;
    }

    [GeneratedRegex(@"\{\{\s*([A-Za-z]+\.[A-Za-z]+)\s*\}\}", RegexOptions.CultureInvariant)]
    private static partial Regex Placeholder();
}

/// <summary>A macro as the ticket screen offers it.</summary>
public sealed record MacroChoice(int Id, string Name, bool Shared);

/// <summary>What applying a macro to a ticket does: the reply text filled in and the field changes (null: unchanged).</summary>
public sealed record MacroApplication(int Id, string Name, string Reply, TicketStatus? Status, TicketPriority? Priority, int? GroupId,
    IReadOnlyList<string> AddTags);

/// <summary>The macros an agent may use, and one prepared for a ticket (AGT-5).</summary>
public static class Macros
{
    /// <summary>Shared macros and the agent's own, shared first, each by name.</summary>
    public static Task<List<MacroChoice>> AvailableToAsync(AppDbContext db, Guid agentId) =>
        db.Macros.AsNoTracking().Where(m => m.OwnerId == null || m.OwnerId == agentId)
            .OrderBy(m => m.OwnerId != null).ThenBy(m => m.Name).ThenBy(m => m.Id)
            .Select(m => new MacroChoice(m.Id, m.Name, m.OwnerId == null)).ToListAsync();

    /// <summary>
    /// The macro filled in for one ticket, or null when it does not exist or is another agent's personal macro.
    /// Changes nothing: the ticket screen applies the result in its own save.
    /// </summary>
    public static async Task<MacroApplication?> PrepareAsync(AppDbContext db, int macroId, Guid agentId, string requesterName,
        long ticketNumber, string agentName)
    {
        var macro = await db.Macros.AsNoTracking().Where(m => m.Id == macroId && (m.OwnerId == null || m.OwnerId == agentId))
            .Select(m => new { m.Id, m.Name, m.Body, m.SetStatus, m.SetPriority, m.SetGroupId, m.AddTags }).FirstOrDefaultAsync();
        return macro is null ? null
            : new MacroApplication(macro.Id, macro.Name, MacroText.Render(macro.Body, requesterName, ticketNumber, agentName),
                macro.SetStatus, macro.SetPriority, macro.SetGroupId, MacroText.Tags(macro.AddTags) ?? []);
    }
}
