namespace IntergovCommission.Web.Infrastructure.Web;

/// <summary>
/// AGPL-3.0 section 13: everyone who uses the application over the network, signed in or not, can
/// get its Corresponding Source at <see cref="Path"/>: the operator's repository when
/// <c>Source:Url</c> is set (a modified version must point at its own sources), otherwise the
/// archive the build packed next to the application (IntergovCommission.Web.csproj, Dockerfile).
/// </summary>
public static class CorrespondingSource
{
    public const string Path = "/source";
    public const string ArchiveName = "corresponding-source.tar.gz";

    public static IEndpointRouteBuilder MapCorrespondingSource(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGet(Path, (IConfiguration configuration) =>
        {
            if (configuration["Source:Url"] is { Length: > 0 } url && Uri.TryCreate(url, UriKind.Absolute, out var uri) && uri.Scheme is "https" or "http")
            {
                return Results.Redirect(uri.ToString());
            }

            var archive = System.IO.Path.Combine(AppContext.BaseDirectory, ArchiveName);
            return File.Exists(archive)
                ? Results.File(archive, "application/gzip", "intergov-commission-source.tar.gz")
                : Results.Problem(
                    title: "Source not packed",
                    detail: "This build has no source archive (it was not built from a Git checkout or the Dockerfile) and Source:Url is not set. The operator must set Source:Url to the sources of this version (AGPL-3.0 section 13).",
                    statusCode: StatusCodes.Status404NotFound);
        }).AllowAnonymous().ExcludeFromDescription();
        return endpoints;
    }
}
