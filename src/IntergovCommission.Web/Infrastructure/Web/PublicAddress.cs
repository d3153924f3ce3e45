using IntergovCommission.Web.Features.Decisions;
using IntergovCommission.Web.Infrastructure.Documents;

namespace IntergovCommission.Web.Infrastructure.Web;

/// <summary>
/// The configured public address (Pdf:PublicBaseUrl), else the current request's scheme, host and path base,
/// else http://localhost/ (work done outside a request, such as the demo seeding).
/// </summary>
public sealed class PublicAddress(PdfSettings settings, IHttpContextAccessor http) : IPublicAddress
{
    public Uri BaseUri
    {
        get
        {
            var baseUrl = settings.PublicBaseUrl;
            if (string.IsNullOrWhiteSpace(baseUrl) && http.HttpContext?.Request is { Host.HasValue: true } request)
            {
                baseUrl = $"{request.Scheme}://{request.Host}{request.PathBase}";
            }

            return new Uri((string.IsNullOrWhiteSpace(baseUrl) ? "http://localhost" : baseUrl).TrimEnd('/') + "/");
        }
    }
}
