using AngleSharp.Html.Dom;
using Supportal.Tests.Infrastructure;

namespace Supportal.Tests.Pages;

/// <summary>
/// An agent's ticket at /Agent/Tickets/{id}: one form for the ticket's fields and the message, whose buttons take the
/// ticket, save, send as a status or apply a macro.
/// </summary>
public sealed class AgentTicketPage(PortalClient client, Page page) : PortalPage(client, page)
{
    public const string TicketForm = "form[data-ticket-form]";

    public static async Task<AgentTicketPage> OpenAsync(PortalClient client, long id) => new(client, await client.GetAsync($"/Agent/Tickets/{id}"));

    /// <summary>The antiforgery token of the ticket form, for the requests its scripts send.</summary>
    public string AntiforgeryToken => ((IHtmlInputElement)Page.Form(TicketForm).QuerySelector("input[name='__RequestVerificationToken']")!).Value;

    /// <summary>Submits the ticket form with the button the selector finds, its fields as shown overridden by the values.</summary>
    public async Task<AgentTicketPage> SubmitAsync(string button, params (string Name, string Value)[] values) =>
        new(Client, await SubmitFormAsync(TicketForm, Fields(values), button));

    /// <summary>Submits the ticket form (its default button) with one file attached.</summary>
    public async Task<AgentTicketPage> UploadAsync(string fileName, byte[] content, params (string Name, string Value)[] values) =>
        new(Client, await UploadFormAsync(TicketForm, fileName, content, Fields(values)));
}
