using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.AspNetCore.Mvc.TagHelpers;
using Microsoft.AspNetCore.Mvc.ViewFeatures;
using Microsoft.AspNetCore.Razor.TagHelpers;

namespace IntergovCommission.Web.Infrastructure.Web;

/// <summary>
/// The message of a refused field beside the field (issue #15, item 11), for the forms that repeat per row and so
/// cannot use <c>asp-for</c> (a dissent per vote, a reason per proposal): <c>asp-field-error="Dissent.Text"</c> names
/// the ModelState entry; when it holds an error the field is marked invalid (<c>aria-invalid</c>, the red border),
/// described by the message that follows it, and site.js puts the focus on the first such field. Without an error,
/// or with no key (another row's form), nothing changes.
/// </summary>
[HtmlTargetElement("input", Attributes = KeyAttribute)]
[HtmlTargetElement("textarea", Attributes = KeyAttribute)]
[HtmlTargetElement("select", Attributes = KeyAttribute)]
public sealed class FieldErrorTagHelper(HtmlEncoder encoder) : TagHelper
{
    private const string KeyAttribute = "asp-field-error";

    [HtmlAttributeName(KeyAttribute)]
    public string? Key { get; set; }

    [ViewContext]
    [HtmlAttributeNotBound]
    public ViewContext ViewContext { get; set; } = null!;

    public override void Process(TagHelperContext context, TagHelperOutput output)
    {
        ArgumentNullException.ThrowIfNull(output);
        if (string.IsNullOrEmpty(Key) || !ViewContext.ViewData.ModelState.TryGetValue(Key, out var entry) || entry.Errors.Count == 0)
        {
            return;
        }

        var id = output.Attributes.TryGetAttribute("id", out var idAttribute) ? idAttribute.Value?.ToString() : null;
        var messageId = (string.IsNullOrEmpty(id) ? Key.Replace('.', '-') : id) + "-error";
        output.AddClass("input-validation-error", encoder);
        output.Attributes.SetAttribute("aria-invalid", "true");
        var describedBy = output.Attributes.TryGetAttribute("aria-describedby", out var existing) ? existing.Value?.ToString() + " " : string.Empty;
        output.Attributes.SetAttribute("aria-describedby", describedBy + messageId);
        var messages = string.Join(" ", entry.Errors.Select(e => e.ErrorMessage).Where(m => m.Length > 0).Distinct());
        output.PostElement.AppendHtml($"<span class=\"field-error\" id=\"{encoder.Encode(messageId)}\" data-testid=\"field-error\">{encoder.Encode(messages)}</span>");
    }
}
