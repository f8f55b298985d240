using System.Net;
using AngleSharp.Dom;
using Microsoft.EntityFrameworkCore;
using Supportal.Accounts;
using Supportal.Contracts;
using Supportal.Tests.Infrastructure;

namespace Supportal.Tests.Admin;

public sealed class FieldsTests(PortalFactory portal) : IClassFixture<PortalFactory>
{
    private const string FieldForm = "form[data-field-form]";

    [Fact]
    public async Task Admin_adds_a_field_of_each_type_and_the_preview_shows_them_in_order_as_customers_will()
    {
        var manufacturer = await NewManufacturerAsync();
        using var client = await AdminAsync();
        var page = await client.GetAsync($"/Admin/Fields?manufacturerId={manufacturer}");
        page.Find("[data-preview] [data-no-fields]").ShouldNotBeNull();

        page = await AddAsync(client, page, "Serial number", "Numer seryjny", "Text", required: true, helpPl: "Na naklejce z tyłu");
        page.Find("[role=status]")!.TextContent.ShouldBe("Dodano pole Numer seryjny.");
        page = await AddAsync(client, page, "Ports in use", "Używane porty", "Number");
        page = await AddAsync(client, page, "Rack size", "Rozmiar szafy", "Choice", required: true,
            options: "small|Small|Mała\r\nlarge|Large|Duża\r\n");
        page = await AddAsync(client, page, "Installed on", "Data instalacji", "Date");

        var fields = await portal.WithDbAsync(db => db.AdditionalFields.Include(f => f.Options)
            .Where(f => f.ManufacturerId == manufacturer).OrderBy(f => f.Order).ToListAsync());
        fields.Select(f => (f.LabelEn, f.Type, f.Required, f.Order)).ShouldBe(
        [
            ("Serial number", FieldType.Text, true, 1), ("Ports in use", FieldType.Number, false, 2),
            ("Rack size", FieldType.Choice, true, 3), ("Installed on", FieldType.Date, false, 4),
        ]);
        fields[0].HelpPl.ShouldBe("Na naklejce z tyłu");
        fields[0].HelpEn.ShouldBeNull();
        fields[2].Options.OrderBy(o => o.Order).Select(o => (o.Value, o.LabelEn, o.LabelPl)).ShouldBe([("small", "Small", "Mała"), ("large", "Large", "Duża")]);

        var preview = page.FindAll("[data-preview] [data-field]").ToList();
        preview.Select(f => f.QuerySelector("label")!.TextContent.Trim()).ShouldBe(["Numer seryjny*", "Używane porty", "Rozmiar szafy*", "Data instalacji"]);
        Control(preview[0]).GetAttribute("type").ShouldBe("text");
        Control(preview[0]).HasAttribute("required").ShouldBeTrue();
        Control(preview[0]).GetAttribute("aria-required").ShouldBe("true");
        preview[0].QuerySelector(".form-text")!.TextContent.ShouldBe("Na naklejce z tyłu");
        Control(preview[1]).GetAttribute("type").ShouldBe("number");
        Control(preview[1]).HasAttribute("required").ShouldBeFalse();
        Control(preview[2]).LocalName.ShouldBe("select");
        Control(preview[2]).HasAttribute("required").ShouldBeTrue();
        Control(preview[2]).QuerySelectorAll("option").Select(o => (o.GetAttribute("value"), o.TextContent)).ShouldBe(
            [("", "Wybierz…"), ("small", "Mała"), ("large", "Duża")]);
        Control(preview[3]).GetAttribute("type").ShouldBe("date");
        (await portal.WithDbAsync(db => db.AuditEvents.CountAsync(a => a.Action == AuditActions.CatalogChanged
            && a.Detail!.Contains($"of manufacturer {manufacturer} added")))).ShouldBe(4);
    }

    [Theory]
    [InlineData("Text", "", "", "Input.LabelPl", "Pole Etykieta (polski) jest wymagane.")]
    [InlineData("Choice", "Stan", "only|Only|Jedyna", "Input.Options", "Pole wyboru wymaga co najmniej 2 opcji.")]
    [InlineData("Choice", "Stan", "Good One|Good|Dobry\nbad|Bad|Zły", "Input.Options", "Wartość Good One może zawierać tylko małe litery, cyfry i myślniki.")]
    [InlineData("Choice", "Stan", "good|Good|Dobry\ngood|Fine|Dobry", "Input.Options", "Wartość good występuje więcej niż raz.")]
    [InlineData("Choice", "Stan", "good|Good\nbad|Bad|Zły", "Input.Options", "Wiersz 1 nie ma postaci wartość|etykieta angielska|etykieta polska.")]
    public async Task A_field_that_does_not_make_sense_is_explained_and_not_saved(string type, string labelPl, string options, string input, string message)
    {
        var manufacturer = await NewManufacturerAsync();
        using var client = await AdminAsync();
        var page = await client.GetAsync($"/Admin/Fields?manufacturerId={manufacturer}");

        var result = await client.SubmitAsync(page.Form(FieldForm), new Dictionary<string, string>
        {
            ["Input.LabelEn"] = "State", ["Input.LabelPl"] = labelPl, ["Input.Type"] = type, ["Input.Options"] = options,
        });

        result.Status.ShouldBe(HttpStatusCode.OK);
        result.FieldError(input).ShouldBe(message);
        (await portal.WithDbAsync(db => db.AdditionalFields.CountAsync(f => f.ManufacturerId == manufacturer))).ShouldBe(0);
    }

    [Fact]
    public async Task Fields_move_up_and_down_and_the_preview_follows()
    {
        var manufacturer = await NewManufacturerAsync(("A", FieldType.Text), ("B", FieldType.Text), ("C", FieldType.Text));
        var ids = await FieldIdsAsync(manufacturer);
        using var client = await AdminAsync();
        var page = await client.GetAsync($"/Admin/Fields?manufacturerId={manufacturer}");
        page.Find($"tr[data-field-row='{ids[0]}'] form[action*='up=true'] button")!.HasAttribute("disabled").ShouldBeTrue();

        page = await client.SubmitAsync(page.Form($"form[action*='handler=Move'][action*='id={ids[2]}&'][action*='up=true']"));
        PreviewLabels(page).ShouldBe(["A PL", "C PL", "B PL"]);
        page = await client.SubmitAsync(page.Form($"form[action*='handler=Move'][action*='id={ids[0]}&'][action*='up=false']"));

        PreviewLabels(page).ShouldBe(["C PL", "A PL", "B PL"]);
        (await portal.WithDbAsync(db => db.AdditionalFields.Where(f => f.ManufacturerId == manufacturer).OrderBy(f => f.Order)
            .Select(f => f.LabelEn).ToListAsync())).ShouldBe(["C", "A", "B"]);
    }

    [Fact]
    public async Task A_retired_field_keeps_its_row_but_leaves_the_form_until_restored()
    {
        var manufacturer = await NewManufacturerAsync(("Kept", FieldType.Text), ("Old", FieldType.Number));
        var ids = await FieldIdsAsync(manufacturer);
        using var client = await AdminAsync();
        var page = await client.GetAsync($"/Admin/Fields?manufacturerId={manufacturer}");
        page.Text.ShouldContain("Pola się wycofuje, nigdy nie usuwa");

        page = await client.SubmitAsync(page.Form($"form[action*='handler=Active'][action*='id={ids[1]}&']"));

        page.Find($"tr[data-field-row='{ids[1]}'] .badge")!.TextContent.ShouldBe("Wycofane");
        PreviewLabels(page).ShouldBe(["Kept PL"]);
        (await portal.WithDbAsync(db => db.AdditionalFields.SingleAsync(f => f.Id == ids[1]))).Active.ShouldBeFalse();
        (await portal.WithDbAsync(db => new EntitledAssets(db, TimeProvider.System).FieldsAsync(manufacturer))).Select(f => f.Id).ShouldBe([ids[0]]);

        page = await client.SubmitAsync(page.Form($"form[action*='handler=Active'][action*='id={ids[1]}&']"));
        PreviewLabels(page).ShouldBe(["Kept PL", "Old PL"]);
    }

    [Fact]
    public async Task The_type_of_an_existing_field_cannot_change()
    {
        var manufacturer = await NewManufacturerAsync(("Count", FieldType.Number));
        var id = (await FieldIdsAsync(manufacturer))[0];
        using var client = await AdminAsync();
        var page = await client.GetAsync($"/Admin/Fields?manufacturerId={manufacturer}&edit={id}");
        page.Find("select#Input_Type")!.HasAttribute("disabled").ShouldBeTrue();
        page.Text.ShouldContain("Typu istniejącego pola nie można zmienić");

        var result = await client.SubmitAsync(page.Form(FieldForm), new Dictionary<string, string> { ["Input.Type"] = "Text" });

        result.Status.ShouldBe(HttpStatusCode.OK);
        result.FieldError("Input.Type").ShouldStartWith("Typu istniejącego pola nie można zmienić");
        (await portal.WithDbAsync(db => db.AdditionalFields.SingleAsync(f => f.Id == id))).Type.ShouldBe(FieldType.Number);

        // Without a type, as the browser sends the form, everything else saves and the type stays.
        var saved = await client.SubmitAsync(page.Form(FieldForm), new Dictionary<string, string> { ["Input.LabelEn"] = "Units", ["Input.Required"] = "true" });
        saved.Find("[role=status]")!.TextContent.ShouldBe("Zapisano pole Count PL.");
        var field = await portal.WithDbAsync(db => db.AdditionalFields.SingleAsync(f => f.Id == id));
        (field.LabelEn, field.Type, field.Required).ShouldBe(("Units", FieldType.Number, true));
    }

    [Fact]
    public async Task Option_labels_change_and_options_are_added_but_a_saved_value_cannot_change()
    {
        var manufacturer = await NewManufacturerAsync(("Model", FieldType.Choice));
        var id = (await FieldIdsAsync(manufacturer))[0];
        using var client = await AdminAsync();
        var page = await client.GetAsync($"/Admin/Fields?manufacturerId={manufacturer}&edit={id}");
        page.Find("textarea[name='Input.Options']")!.TextContent.Trim().ShouldBe("one|One|Jeden\ntwo|Two|Dwa");

        var refused = await client.SubmitAsync(page.Form(FieldForm), new Dictionary<string, string> { ["Input.Options"] = "uno|One|Jeden\ntwo|Two|Dwa" });
        refused.FieldError("Input.Options").ShouldStartWith("Brakuje opcji one.");
        await client.SubmitAsync(page.Form(FieldForm), new Dictionary<string, string> { ["Input.Options"] = "two|Two|Dwa\none|First|Pierwszy\nthree|Three|Trzy" });

        var options = await portal.WithDbAsync(db => db.FieldOptions.Where(o => o.FieldId == id).OrderBy(o => o.Order)
            .Select(o => new { o.Value, o.LabelEn, o.LabelPl }).ToListAsync());
        options.Select(o => (o.Value, o.LabelEn, o.LabelPl)).ShouldBe([("two", "Two", "Dwa"), ("one", "First", "Pierwszy"), ("three", "Three", "Trzy")]);
    }

    private static IElement Control(IElement field) => field.QuerySelector("input, select")!;

    private static List<string> PreviewLabels(Page page) =>
        page.FindAll("[data-preview] [data-field] label").Select(l => l.TextContent.Trim().TrimEnd('*')).ToList();

    private async Task<PortalClient> AdminAsync()
    {
        var client = portal.CreatePortalClient();
        await client.SignInAsync("admin@example.com");
        return client;
    }

    private static Task<Page> AddAsync(PortalClient client, Page page, string en, string pl, string type, bool required = false,
        string helpPl = "", string options = "") => client.SubmitAsync(page.Form(FieldForm), new Dictionary<string, string>
        {
            ["Input.LabelEn"] = en, ["Input.LabelPl"] = pl, ["Input.Type"] = type, ["Input.Required"] = required ? "true" : "false",
            ["Input.HelpPl"] = helpPl, ["Input.Options"] = options,
        });

    /// <summary>A manufacturer of this test's own, so tests sharing the database do not see each other's fields.</summary>
    private Task<int> NewManufacturerAsync(params (string Label, FieldType Type)[] fields) => portal.WithDbAsync(async db =>
    {
        var manufacturer = new Manufacturer
        {
            Name = "Fields test " + Guid.NewGuid().ToString("N")[..8],
            Fields = fields.Select((f, i) => new AdditionalField
            {
                LabelEn = f.Label, LabelPl = f.Label + " PL", Type = f.Type, Order = i + 1,
                Options = f.Type == FieldType.Choice
                    ? [new FieldOption { Value = "one", LabelEn = "One", LabelPl = "Jeden", Order = 0 }, new FieldOption { Value = "two", LabelEn = "Two", LabelPl = "Dwa", Order = 1 }]
                    : [],
            }).ToList(),
        };
        db.Manufacturers.Add(manufacturer);
        await db.SaveChangesAsync();
        return manufacturer.Id;
    });

    private Task<List<int>> FieldIdsAsync(int manufacturer) => portal.WithDbAsync(db =>
        db.AdditionalFields.Where(f => f.ManufacturerId == manufacturer).OrderBy(f => f.Order).Select(f => f.Id).ToListAsync());
}
