using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Supportal.Accounts;
using Supportal.Contracts;
using Supportal.Email;
using Supportal.Tickets;

namespace Supportal.Data;

/// <summary>
/// The one database context pages and services use. Each provider has a subclass only so that each gets its
/// own migration set (EF finds migrations by context type); the model itself is defined once, here.
/// </summary>
public abstract class AppDbContext : IdentityDbContext<ApplicationUser, IdentityRole<Guid>, Guid>
{
    protected AppDbContext(DbContextOptions options) : base(options)
    {
        // A save inside a transaction would otherwise set a savepoint before and release it after, two more round
        // trips on every reply and new ticket. Nothing here goes on with a transaction after one of its saves
        // failed: each such failure rolls the whole transaction back.
        Database.AutoSavepointsEnabled = false;
    }

    public DbSet<OutboxMessage> OutboxMessages => Set<OutboxMessage>();
    public DbSet<AuditEvent> AuditEvents => Set<AuditEvent>();
    public DbSet<UserSession> UserSessions => Set<UserSession>();
    public DbSet<OneTimeCode> OneTimeCodes => Set<OneTimeCode>();
    public DbSet<Contract> Contracts => Set<Contract>();
    public DbSet<ContractRegistration> ContractRegistrations => Set<ContractRegistration>();
    public DbSet<Asset> Assets => Set<Asset>();
    public DbSet<Organization> Organizations => Set<Organization>();
    public DbSet<OrganizationMember> OrganizationMembers => Set<OrganizationMember>();
    public DbSet<ServiceLevel> ServiceLevels => Set<ServiceLevel>();
    public DbSet<Manufacturer> Manufacturers => Set<Manufacturer>();
    public DbSet<Product> Products => Set<Product>();
    public DbSet<AdditionalField> AdditionalFields => Set<AdditionalField>();
    public DbSet<FieldOption> FieldOptions => Set<FieldOption>();
    public DbSet<Ticket> Tickets => Set<Ticket>();
    public DbSet<TicketComment> TicketComments => Set<TicketComment>();
    public DbSet<TicketCc> TicketCcs => Set<TicketCc>();
    public DbSet<TicketFieldValue> TicketFieldValues => Set<TicketFieldValue>();
    public DbSet<TicketAttachment> TicketAttachments => Set<TicketAttachment>();
    public DbSet<Service> Services => Set<Service>();
    public DbSet<TicketTag> TicketTags => Set<TicketTag>();
    public DbSet<TicketEvent> TicketEvents => Set<TicketEvent>();
    public DbSet<OrganizationDomain> OrganizationDomains => Set<OrganizationDomain>();
    public DbSet<Workspace.Group> Groups => Set<Workspace.Group>();
    public DbSet<Workspace.GroupMember> GroupMembers => Set<Workspace.GroupMember>();
    public DbSet<Workspace.RoutingRule> RoutingRules => Set<Workspace.RoutingRule>();
    public DbSet<Workspace.Macro> Macros => Set<Workspace.Macro>();
    public DbSet<Sla.BusinessCalendar> BusinessCalendars => Set<Sla.BusinessCalendar>();
    public DbSet<Sla.BusinessHours> BusinessHours => Set<Sla.BusinessHours>();
    public DbSet<Sla.Holiday> Holidays => Set<Sla.Holiday>();
    public DbSet<Sla.SlaPolicy> SlaPolicies => Set<Sla.SlaPolicy>();
    public DbSet<Sla.TicketSla> TicketSlas => Set<Sla.TicketSla>();
    public DbSet<KnowledgeBase.Category> KbCategories => Set<KnowledgeBase.Category>();
    public DbSet<KnowledgeBase.Section> KbSections => Set<KnowledgeBase.Section>();
    public DbSet<KnowledgeBase.Article> KbArticles => Set<KnowledgeBase.Article>();
    public DbSet<KnowledgeBase.ArticleVersion> KbArticleVersions => Set<KnowledgeBase.ArticleVersion>();
    public DbSet<KnowledgeBase.ArticleVote> KbArticleVotes => Set<KnowledgeBase.ArticleVote>();
    public DbSet<KnowledgeBase.KnowledgeFollow> KbFollows => Set<KnowledgeBase.KnowledgeFollow>();
    public DbSet<KnowledgeBase.ArticleImage> KbArticleImages => Set<KnowledgeBase.ArticleImage>();
    public DbSet<KnowledgeBase.ArticleLabel> KbArticleLabels => Set<KnowledgeBase.ArticleLabel>();
    public DbSet<Status.ServiceGroup> StatusGroups => Set<Status.ServiceGroup>();
    public DbSet<Status.StatusService> StatusServices => Set<Status.StatusService>();
    public DbSet<Status.ServiceStateInterval> StatusIntervals => Set<Status.ServiceStateInterval>();
    public DbSet<KnowledgeBase.RequestFormView> KbRequestFormViews => Set<KnowledgeBase.RequestFormView>();
    public DbSet<KnowledgeBase.DownloadGroup> DownloadGroups => Set<KnowledgeBase.DownloadGroup>();
    public DbSet<KnowledgeBase.DownloadItem> DownloadItems => Set<KnowledgeBase.DownloadItem>();
    public DbSet<KnowledgeBase.DownloadVersion> DownloadVersions => Set<KnowledgeBase.DownloadVersion>();

    /// <summary>
    /// Every saved change to a ticket raises its version (see <see cref="Ticket.Version"/>), and every saved change to a
    /// calendar, its hours or its holidays raises the calendar's (see <see cref="Sla.BusinessCalendar.Version"/>).
    /// </summary>
    public override async Task<int> SaveChangesAsync(bool acceptAllChangesOnSuccess, CancellationToken cancellationToken = default)
    {
        var detecting = ChangeTracker.AutoDetectChangesEnabled;
        try
        {
            PrepareSave();
            return await base.SaveChangesAsync(acceptAllChangesOnSuccess, cancellationToken);
        }
        finally
        {
            ChangeTracker.AutoDetectChangesEnabled = detecting;
        }
    }

    public override int SaveChanges(bool acceptAllChangesOnSuccess)
    {
        var detecting = ChangeTracker.AutoDetectChangesEnabled;
        try
        {
            PrepareSave();
            return base.SaveChanges(acceptAllChangesOnSuccess);
        }
        finally
        {
            ChangeTracker.AutoDetectChangesEnabled = detecting;
        }
    }

    /// <summary>
    /// Finds the changes once for the whole save, raises the versions, and leaves detection off until the save ends
    /// (the callers turn it back on): each look at the entries (four here, one per save interceptor) and the save itself
    /// scanned every tracked entity again, a tenth of the portal's work in a new request.
    /// </summary>
    private void PrepareSave()
    {
        if (ChangeTracker.AutoDetectChangesEnabled)
            ChangeTracker.DetectChanges();
        ChangeTracker.AutoDetectChangesEnabled = false;
        RaiseTicketVersions();
        RaiseCalendarVersions();
    }

    // Through the entry, which records the change at once: nothing detects it later.
    private void RaiseTicketVersions()
    {
        foreach (var entry in ChangeTracker.Entries<Ticket>().Where(e => e.State == EntityState.Modified))
        {
            var version = entry.Property(t => t.Version);
            version.CurrentValue = version.OriginalValue + 1;
        }
    }

    /// <summary>
    /// Raised here rather than by each page so that no way of editing a calendar can leave the nodes' cached clocks
    /// behind. The version is a column of the calendar, so a change to its hours or holidays needs the calendar loaded
    /// (the admin pages load it to check it exists); one that is not is refused rather than saved unseen.
    /// </summary>
    private void RaiseCalendarVersions()
    {
        // Entry values rather than the entities' properties: a new calendar's hours and the calendar share a temporary key.
        var changed = ChangeTracker.Entries<Sla.BusinessHours>().Where(e => e.State is EntityState.Added or EntityState.Modified or EntityState.Deleted)
            .SelectMany(e => new[] { e.Property(h => h.CalendarId).CurrentValue, e.Property(h => h.CalendarId).OriginalValue })
            .Concat(ChangeTracker.Entries<Sla.Holiday>().Where(e => e.State is EntityState.Added or EntityState.Modified or EntityState.Deleted)
                .SelectMany(e => new[] { e.Property(h => h.CalendarId).CurrentValue, e.Property(h => h.CalendarId).OriginalValue }))
            .ToHashSet();
        foreach (var calendar in ChangeTracker.Entries<Sla.BusinessCalendar>())
        {
            var id = calendar.Property(c => c.Id).CurrentValue;
            // A new calendar starts at its first version; a deleted one has nothing left to cache.
            if (calendar.State == EntityState.Modified || (calendar.State == EntityState.Unchanged && changed.Contains(id)))
                calendar.Property(c => c.Version).CurrentValue = calendar.Property(c => c.Version).OriginalValue + 1;
            changed.Remove(id);
        }
        if (changed.Count > 0)
            throw new InvalidOperationException($"Hours or holidays of calendar {changed.First()} changed without the calendar loaded, so its version cannot rise.");
    }

    /// <summary>The identity options of a context made without the app's services (dotnet ef, tools, tests).</summary>
    private static readonly IServiceProvider StandaloneServices = new ServiceCollection()
        .Configure<IdentityOptions>(o => o.Stores.SchemaVersion = AccountsSetup.IdentitySchema)
        .BuildServiceProvider();

    /// <summary>
    /// Identity builds its part of the model for the schema version in the app's <see cref="IdentityOptions"/> (set in
    /// <see cref="AccountsSetup"/>). A context made without the app's services gets the same version here, so the model,
    /// and so every migration, is the same however the context is made.
    /// </summary>
    protected override void OnConfiguring(DbContextOptionsBuilder optionsBuilder)
    {
        if (optionsBuilder.Options.FindExtension<CoreOptionsExtension>()?.ApplicationServiceProvider is null)
            optionsBuilder.UseApplicationServiceProvider(StandaloneServices);
    }

    protected override void OnModelCreating(ModelBuilder builder)
    {
        base.OnModelCreating(builder);
        builder.ApplyConfigurationsFromAssembly(typeof(AppDbContext).Assembly);
    }
}

public sealed class SqliteAppDbContext(DbContextOptions<SqliteAppDbContext> options) : AppDbContext(options)
{
    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder)
    {
        // SQLite has no date type: EF stores DateTime as sortable text and reads it back with no kind.
        // Every instant we store is UTC, so say so on the way out.
        configurationBuilder.Properties<DateTime>().HaveConversion<UtcDateTimeConverter>();
        configurationBuilder.Properties<DateTime?>().HaveConversion<UtcDateTimeConverter>();
    }
}

public sealed class PostgresAppDbContext(DbContextOptions<PostgresAppDbContext> options) : AppDbContext(options);
