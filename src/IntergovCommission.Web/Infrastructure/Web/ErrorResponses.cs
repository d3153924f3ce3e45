using System.Net;
using System.Net.Sockets;
using IntergovCommission.Web.Infrastructure.Api;
using IntergovCommission.Web.Infrastructure.Localization;
using Microsoft.Extensions.Localization;
using Npgsql;

namespace IntergovCommission.Web.Infrastructure.Web;

/// <summary>
/// What an error looks like, the same in Development and Production: for the API always an RFC 9457
/// problem document (never the HTML error page, never the developer page); for pages a readable page.
/// A request the server cannot read (malformed JSON, a wrong type in the query) is a 400 naming what could
/// not be read; a database that does not answer is a 503 with Retry-After, on a page that itself needs no
/// database (the usual error page would fail the same way and leave an empty 500).
/// </summary>
public sealed class ErrorResponsesMiddleware(RequestDelegate next, ILogger<ErrorResponsesMiddleware> logger)
{
    public const int RetryAfterSeconds = 30;

    public async Task InvokeAsync(HttpContext context)
    {
        try
        {
            await next(context);
        }
        catch (Exception ex) when (!context.Response.HasStarted && !context.RequestAborted.IsCancellationRequested)
        {
            var status = StatusOf(ex);
            var api = ErrorResponses.IsApi(context.Request);
            if (!api && status != StatusCodes.Status503ServiceUnavailable)
            {
                throw; // the error page (UseExceptionHandler) tells the person, with the status StatusOf gives and the correlation id
            }

            if (status == StatusCodes.Status503ServiceUnavailable)
            {
                logger.LogError(ex, "The database is unavailable: {Path} answered 503", context.Request.Path);
            }
            else if (status == StatusCodes.Status500InternalServerError)
            {
                logger.LogError(ex, "Unhandled error on {Path}", context.Request.Path);
            }
            else
            {
                logger.LogWarning("Unreadable request on {Path}: {Reason}", context.Request.Path, ex.Message);
            }

            context.Response.Clear();
            context.Response.StatusCode = status;
            if (status == StatusCodes.Status503ServiceUnavailable)
            {
                context.Response.Headers.RetryAfter = RetryAfterSeconds.ToString(System.Globalization.CultureInfo.InvariantCulture);
            }

            var text = context.RequestServices.GetRequiredService<IStringLocalizer<SharedResource>>();
            if (api)
            {
                var (title, detail) = status switch
                {
                    StatusCodes.Status503ServiceUnavailable => (text["Error.503.Title"].Value, text["Error.503.Text"].Value),
                    StatusCodes.Status500InternalServerError => (text["Error.500.Title"].Value, text["Error.500.Text"].Value),
                    _ => (text["Api.Problem.Unreadable"].Value, text["Api.Problem.UnreadableDetail", ErrorResponses.WhatCouldNotBeRead(ex)].Value),
                };
                var errors = status == StatusCodes.Status400BadRequest ? new Dictionary<string, string[]> { [ErrorResponses.FieldOf(ex)] = [detail] } : null;
                await ApiExceptionFilter.Problem(context, status, title, detail, null, errors).ExecuteAsync(context);
                return;
            }

            await ErrorResponses.WriteUnavailablePageAsync(context, text);
        }
    }

    public static int StatusOf(Exception exception)
    {
        for (var e = exception; e is not null; e = e.InnerException)
        {
            switch (e)
            {
                case BadHttpRequestException bad:
                    return bad.StatusCode is >= 400 and < 500 ? bad.StatusCode : StatusCodes.Status400BadRequest;
                case System.Text.Json.JsonException or FormatException:
                    return StatusCodes.Status400BadRequest;
                // Connection failures, shutdown, too many connections, the database gone or closed to connections.
                case PostgresException pg when pg.SqlState.StartsWith("08", StringComparison.Ordinal) || pg.SqlState is "57P01" or "57P02" or "57P03" or "53300" or "3D000"
                    || (pg.SqlState == "55000" && pg.MessageText.Contains("not currently accepting connections", StringComparison.Ordinal)):
                    return StatusCodes.Status503ServiceUnavailable;
                case NpgsqlException npgsql when npgsql is not PostgresException:
                    return StatusCodes.Status503ServiceUnavailable;
                case SocketException or TimeoutException:
                    return StatusCodes.Status503ServiceUnavailable;
            }
        }

        return StatusCodes.Status500InternalServerError;
    }
}

public static class ErrorResponses
{
    /// <summary>
    /// The integration API (and its OpenAPI document). Not the /Api pages (the token management pages a person
    /// uses in the browser): those sign the visitor in like every page.
    /// </summary>
    public static bool IsApi(HttpRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        return request.Path.StartsWithSegments("/api/v1", StringComparison.OrdinalIgnoreCase)
            || request.Path.StartsWithSegments("/openapi", StringComparison.OrdinalIgnoreCase);
    }

    /// <summary>What the server could not read, in the words of the request (a parameter, a JSON path).</summary>
    public static string WhatCouldNotBeRead(Exception exception)
    {
        for (var e = exception; e is not null; e = e.InnerException)
        {
            if (e is System.Text.Json.JsonException json && json.Path is { Length: > 0 } path)
            {
                return path;
            }
        }

        var message = exception.Message;
        var start = message.IndexOf('"', StringComparison.Ordinal);
        var end = start < 0 ? -1 : message.IndexOf('"', start + 1);
        return end > start ? message[(start + 1)..end] : "$";
    }

    /// <summary>The field of a 400: the JSON path's property or the parameter's name ("bool includeEnded" → "includeEnded").</summary>
    public static string FieldOf(Exception exception)
    {
        var what = WhatCouldNotBeRead(exception);
        if (what.StartsWith("$.", StringComparison.Ordinal))
        {
            return what[2..];
        }

        if (what.StartsWith('$'))
        {
            return what;
        }

        var space = what.LastIndexOf(' ');
        return space >= 0 ? what[(space + 1)..] : what;
    }

    /// <summary>An API answer that has a status but no body (401 from authentication, an unmatched route, 405, 429): a problem document.</summary>
    public static async Task WriteStatusProblemAsync(Microsoft.AspNetCore.Diagnostics.StatusCodeContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var http = context.HttpContext;
        var text = http.RequestServices.GetRequiredService<IStringLocalizer<SharedResource>>();
        var status = http.Response.StatusCode;
        var key = status switch
        {
            401 => "Error.401",
            403 => "Error.403",
            404 => "Error.404",
            405 => "Error.405",
            429 => "Error.429",
            503 => "Error.503",
            >= 500 => "Error.500",
            _ => "Error.400",
        };
        await ApiExceptionFilter.Problem(http, status, text[key + ".Title"], text[key + ".Text"], null).ExecuteAsync(http);
    }

    /// <summary>A complete page that needs nothing the database gives (no layout, no sign-in lookups).</summary>
    public static async Task WriteUnavailablePageAsync(HttpContext context, IStringLocalizer<SharedResource> text)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(text);
        var lang = System.Globalization.CultureInfo.CurrentUICulture.TwoLetterISOLanguageName;
        var title = WebUtility.HtmlEncode(text["Error.503.Title"]);
        var body = WebUtility.HtmlEncode(text["Error.503.Text"]);
        var retry = WebUtility.HtmlEncode(text["Error.503.Retry"]);
        var correlation = WebUtility.HtmlEncode(text["Error.CorrelationId"] + ": " + context.TraceIdentifier);
        context.Response.ContentType = "text/html; charset=utf-8";
        await context.Response.WriteAsync($"""
            <!DOCTYPE html>
            <html lang="{lang}">
            <head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>{title}</title><link rel="stylesheet" href="/css/site.css"></head>
            <body><main class="container"><section class="card narrow" role="alert"><h1>{title}</h1><p>{body}</p><p><a href="{WebUtility.HtmlEncode(context.Request.Path + context.Request.QueryString)}">{retry}</a></p><p class="muted small">{correlation}</p></section></main></body>
            </html>
            """);
    }
}
