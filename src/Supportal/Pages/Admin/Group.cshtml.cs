using System.Globalization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Supportal.Accounts;
using Supportal.Data;
using Supportal.Workspace;

namespace Supportal.Pages.Admin;

/// <summary>
/// One group: its name, its business calendar and its members. Only agents and admins can be members, as
/// membership decides which tickets an agent works on; the choice list offers no one else and the post checks it.
/// </summary>
public sealed class GroupModel(AppDbContext db, AuditLog audit, IStringLocalizer<SharedResource> localizer) : PageModel
{
    public sealed record MemberRow(Guid UserId, string Name, string? Email);

    public int Id { get; private set; }
    public string Name { get; private set; } = "";
    public GroupInput Input { get; private set; } = new();
    public IReadOnlyList<MemberRow> Members { get; private set; } = [];
    public IReadOnlyList<SelectListItem> Candidates { get; private set; } = [];
    public IReadOnlyList<SelectListItem> Calendars { get; private set; } = [];

    /// <summary>The person chosen in the add-member list, kept when refused.</summary>
    public Guid? NewMember { get; private set; }

    public async Task<IActionResult> OnGetAsync(int id) => await LoadAsync(id) ? Page() : NotFound();

    public async Task<IActionResult> OnPostAsync(int id, [FromForm(Name = "Input")] GroupInput input)
    {
        if (await db.Groups.FindAsync(id) is not { } group)
            return NotFound();
        var name = input.Name?.Trim() ?? "";
#pragma warning disable CA1304, CA1311, CA1862 // EF runs this as SQL lower()/upper(): no .NET culture applies, and EF cannot translate the overloads that take one.
        if (ModelState.IsValid && await db.Groups.AnyAsync(g => g.Name.ToLower() == name.ToLower() && g.Id != id))
#pragma warning restore CA1304, CA1311, CA1862
            ModelState.AddModelError("Input.Name", localizer["Groups.Duplicate", name]);
        if (ModelState.IsValid && !await db.BusinessCalendars.AnyAsync(c => c.Id == input.CalendarId))
            ModelState.AddModelError("Input.CalendarId", localizer["Validation.Required", localizer["Groups.Calendar"]]);
        if (!ModelState.IsValid)
            return await RedisplayAsync(id, () => Input = input);
        audit.Record(db, User, $"group {id} changed from {group.Name} (calendar {group.CalendarId}) to {name} (calendar {input.CalendarId})");
        (group.Name, group.CalendarId) = (name, input.CalendarId!.Value);
        await db.SaveChangesAsync();
        TempData["StatusMessage"] = localizer["Groups.Saved", name].Value;
        return RedirectToPage(new { id });
    }

    public async Task<IActionResult> OnPostAddMemberAsync(int id, Guid? userId)
    {
        if (await db.Groups.FindAsync(id) is not { } group)
            return NotFound();
        var user = userId is null ? null
            : await Staff().Where(u => u.Id == userId).Select(u => new { u.Id, u.Email }).FirstOrDefaultAsync();
        string? error = userId is null ? localizer["Validation.Required", localizer["Groups.Member"]].Value
            : user is null ? localizer["Groups.NotStaff"].Value
            : await db.GroupMembers.AnyAsync(m => m.GroupId == id && m.UserId == userId) ? localizer["Groups.AlreadyMember", user.Email!, group.Name].Value
            : null;
        if (error is not null)
        {
            ModelState.AddModelError("NewMember", error);
            return await RedisplayAsync(id, () => NewMember = userId);
        }
        db.GroupMembers.Add(new GroupMember { GroupId = id, UserId = user!.Id });
        audit.Record(db, User, $"group {id} member added: {user.Email}");
        await db.SaveChangesAsync();
        TempData["StatusMessage"] = localizer["Groups.MemberAdded", user.Email!, group.Name].Value;
        return RedirectToPage(new { id });
    }

    public async Task<IActionResult> OnPostRemoveMemberAsync(int id, Guid userId)
    {
        var member = await db.GroupMembers.Where(m => m.GroupId == id && m.UserId == userId)
            .Select(m => new { Member = m, m.User.Email, Group = m.Group.Name }).FirstOrDefaultAsync();
        if (member is null)
            return await db.Groups.AnyAsync(g => g.Id == id) ? RedirectToPage(new { id }) : NotFound();
        db.GroupMembers.Remove(member.Member);
        audit.Record(db, User, $"group {id} member removed: {member.Email}");
        await db.SaveChangesAsync();
        TempData["StatusMessage"] = localizer["Groups.MemberRemoved", member.Email!, member.Group].Value;
        return RedirectToPage(new { id });
    }

    /// <summary>Agents and admins: the people who work tickets.</summary>
    private IQueryable<ApplicationUser> Staff() => db.Users.Where(u => db.UserRoles.Any(r => r.UserId == u.Id
        && db.Roles.Any(role => role.Id == r.RoleId && (role.Name == Roles.Agent || role.Name == Roles.Admin))));

    private async Task<IActionResult> RedisplayAsync(int id, Action keepTyped)
    {
        await LoadAsync(id);
        keepTyped();
        return Page();
    }

    private async Task<bool> LoadAsync(int id)
    {
        var group = await db.Groups.AsNoTracking().Where(g => g.Id == id).Select(g => new { g.Name, g.CalendarId }).FirstOrDefaultAsync();
        if (group is null)
            return false;
        (Id, Name, Input) = (id, group.Name, new GroupInput { Name = group.Name, CalendarId = group.CalendarId });
        Members = await db.GroupMembers.AsNoTracking().Where(m => m.GroupId == id)
            .OrderBy(m => m.User.FirstName).ThenBy(m => m.User.LastName).ThenBy(m => m.User.Email)
            .Select(m => new MemberRow(m.UserId, m.User.FirstName + " " + m.User.LastName, m.User.Email)).ToListAsync();
        var candidates = await Staff().AsNoTracking().Where(u => !db.GroupMembers.Any(m => m.GroupId == id && m.UserId == u.Id))
            .OrderBy(u => u.FirstName).ThenBy(u => u.LastName).ThenBy(u => u.Email)
            .Select(u => new { u.Id, u.FirstName, u.LastName, u.Email }).ToListAsync();
        // Formatted here, not in SQL: the database's text form of an id need not match the one the form posts back.
        Candidates = candidates.Select(u => new SelectListItem($"{u.FirstName} {u.LastName} ({u.Email})", u.Id.ToString())).ToList();
        Calendars = await db.BusinessCalendars.AsNoTracking().OrderBy(c => c.Name)
            .Select(c => new SelectListItem(c.Name, c.Id.ToString(CultureInfo.InvariantCulture))).ToListAsync();
        return true;
    }
}
