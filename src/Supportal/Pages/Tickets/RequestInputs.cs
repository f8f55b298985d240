namespace Supportal.Pages.Tickets;

// The request page's three small forms. Checked by hand in their own handler, so one form's rules never
// fail another's post.

public sealed class RequestReplyInput
{
    public string? Body { get; set; }
}

public sealed class RequestSolveInput
{
    public string? Comment { get; set; }
}

public sealed class RequestCcInput
{
    public string? Email { get; set; }
}
