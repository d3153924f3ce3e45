using IntergovCommission.Web.Infrastructure.Mediator;
using Serilog.Context;

namespace IntergovCommission.Web.Infrastructure.Web;

/// <summary>
/// Gives every request a correlation id (from X-Correlation-Id or new), returns it in the
/// response header, puts it in every log line (the request's own line: Serilog's request logging,
/// AppSetup), and error pages show it to the user.
/// </summary>
public sealed class CorrelationIdMiddleware(RequestDelegate next)
{
    public const string Header = "X-Correlation-Id";

    public async Task InvokeAsync(HttpContext context)
    {
        var incoming = context.Request.Headers[Header].ToString();
        var id = !string.IsNullOrWhiteSpace(incoming) && incoming.Length <= 64 && incoming.All(c => char.IsAsciiLetterOrDigit(c) || c == '-')
            ? incoming
            : Guid.NewGuid().ToString("N")[..16];
        context.TraceIdentifier = id;
        context.Response.Headers[Header] = id;
        // The exception handler clears the response headers before it renders the error page;
        // set the header again as the response starts, so a 500 carries it too.
        context.Response.OnStarting(() =>
        {
            context.Response.Headers[Header] = id;
            return Task.CompletedTask;
        });
        using (LogContext.PushProperty("CorrelationId", id))
        {
            await next(context);
        }
    }
}

public sealed class HttpAuditContext(IHttpContextAccessor http) : IAuditContext
{
    public string? CorrelationId => http.HttpContext?.TraceIdentifier;
    public string? RemoteAddress => http.HttpContext?.Connection.RemoteIpAddress?.ToString();
}
