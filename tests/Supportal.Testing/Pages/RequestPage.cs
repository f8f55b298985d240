using Supportal.Tests.Infrastructure;

namespace Supportal.Tests.Pages;

/// <summary>A customer's request at /Tickets/{id}: the conversation, and the reply, CC and solve forms.</summary>
public sealed class RequestPage(PortalClient client, Page page) : PortalPage(client, page)
{
    public const string ReplyForm = "form[data-reply-form]";
    public const string AddCcForm = "form[data-add-cc]";
    public const string SolveForm = "form[data-solve-form]";

    public static async Task<RequestPage> OpenAsync(PortalClient client, long id) => new(client, await client.GetAsync($"/Tickets/{id}"));

    /// <summary>Sends a reply; the page answers with the request again, or with the follow-up a closed request starts.</summary>
    public async Task<RequestPage> ReplyAsync(string body) => new(Client, await SubmitFormAsync(ReplyForm, Fields(("Reply.Body", body))));

    public async Task<RequestPage> ReplyAsync(string body, string fileName, byte[] content) =>
        new(Client, await UploadFormAsync(ReplyForm, fileName, content, Fields(("Reply.Body", body))));

    public async Task<RequestPage> AddCcAsync(string email) => new(Client, await SubmitFormAsync(AddCcForm, Fields(("Cc.Email", email))));

    public async Task<RequestPage> SolveAsync(string comment) => new(Client, await SubmitFormAsync(SolveForm, Fields(("Solve.Comment", comment))));
}
