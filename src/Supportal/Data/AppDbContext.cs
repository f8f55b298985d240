using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;
using Supportal.Accounts;
using Supportal.Contracts;
using Supportal.Email;
using Supportal.Tickets;

namespace Supportal.Data;

/// <summary>
/// The one database context pages and services use. Each provider has a subclass only so that each gets its
/// own migration set (EF finds migrations by context type); the model itself is defined once, here.
/// </summary>
public abstract class AppDbContext(DbContextOptions options)
    : IdentityDbContext<ApplicationUser, IdentityRole<Guid>, Guid>(options)
{
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

    protected override void OnModelCreating(ModelBuilder builder)
    {
        base.OnModelCreating(builder);
        builder.ApplyConfigurationsFromAssembly(typeof(AppDbContext).Assembly);
    }
}

public sealed class SqliteAppDbContext(DbContextOptions<SqliteAppDbContext> options) : AppDbContext(options)
{
    protected override void ConfigureConventions(ModelConfigurationBuilder builder)
    {
        // SQLite has no date type: EF stores DateTime as sortable text and reads it back with no kind.
        // Every instant we store is UTC, so say so on the way out.
        builder.Properties<DateTime>().HaveConversion<UtcDateTimeConverter>();
        builder.Properties<DateTime?>().HaveConversion<UtcDateTimeConverter>();
    }
}

public sealed class PostgresAppDbContext(DbContextOptions<PostgresAppDbContext> options) : AppDbContext(options);
