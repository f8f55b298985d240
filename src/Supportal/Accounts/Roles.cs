namespace Supportal.Accounts;

public static class Roles
{
    public const string Admin = "Admin";
    public const string Agent = "Agent";
    public const string Orders = "Orders";

    /// <summary>Writes help-center articles and downloads (usually an agent as well).</summary>
    public const string KnowledgeEditor = "KnowledgeEditor";

    /// <summary>Keeps the status page: services, their states, incidents and maintenance.</summary>
    public const string StatusEditor = "StatusEditor";

    public static readonly string[] All = [Admin, Agent, Orders, KnowledgeEditor, StatusEditor];
}

public static class Policies
{
    /// <summary>The fallback: every page and endpoint is for staff unless it says otherwise.</summary>
    public const string Staff = "Staff";

    /// <summary>Any signed-in person; customer pages opt in with this and then scope their queries.</summary>
    public const string SignedIn = "SignedIn";

    public const string Admin = "Admin";

    /// <summary>The orders team (and admins) issue contracts and their keys.</summary>
    public const string Orders = "Orders";

    /// <summary>Knowledge editors and admins: writing the help center under /Knowledge.</summary>
    public const string Knowledge = "Knowledge";

    /// <summary>Status editors and admins: the status page's services and states under /StatusEditor.</summary>
    public const string Status = "Status";

    /// <summary>Agents and admins: the agent workspace under /Agent.</summary>
    public const string Support = "Support";
}

public static class PortalClaims
{
    public const string Language = "supportal:lang";
    public const string TimeZone = "supportal:tz";
    public const string DisplayName = "supportal:name";
}
