using System.Globalization;
using IntergovCommission.Web.Data;
using IntergovCommission.Web.Features.Account;
using IntergovCommission.Web.Features.Commissions;
using IntergovCommission.Web.Features.Decisions;
using IntergovCommission.Web.Infrastructure.Localization;
using MailKit.Net.Smtp;
using MailKit.Security;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Options;
using MimeKit;

namespace IntergovCommission.Web.Features.Notifications;

/// <summary>E-mail settings (section Mail; docs/operations.md).</summary>
public sealed class MailOptions
{
    /// <summary>The SMTP server; empty: no server, every message is written as an .eml file to <see cref="PickupDirectory"/>.</summary>
    public string? SmtpHost { get; set; }
    public int SmtpPort { get; set; } = 25;
    /// <summary>None, Auto, StartTls, StartTlsWhenAvailable or SslOnConnect (MailKit's SecureSocketOptions).</summary>
    public string Security { get; set; } = "StartTlsWhenAvailable";
    public string? UserName { get; set; }
    public string? Password { get; set; }
    public string From { get; set; } = "Межгосударственная комиссия <no-reply@commission.local>";
    /// <summary>Where messages go without an SMTP server (relative to the content root).</summary>
    public string PickupDirectory { get; set; } = "mail-pickup";
    /// <summary>How often the outbox is looked at.</summary>
    public TimeSpan Interval { get; set; } = TimeSpan.FromSeconds(15);
    public int MaxAttempts { get; set; } = 6;
    /// <summary>The wait after the first failure; doubled after each further one.</summary>
    public TimeSpan FirstRetryDelay { get; set; } = TimeSpan.FromMinutes(1);
    public int BatchSize { get; set; } = 50;
}

/// <summary>
/// Sends the outbox (issue 15 item 5) outside any request: claims due rows (FOR UPDATE SKIP LOCKED, so several
/// instances never send one twice), decides whether the person wants this kind by e-mail and has an address,
/// renders the notification in their interface language with times on their clock, and sends it through SMTP
/// (MailKit) or, with no server configured, writes it to the pickup folder. A failure is retried with a doubling
/// delay; the row keeps the state, the attempts and the last error for administrators.
/// </summary>
public sealed class MailSender(IServiceScopeFactory scopes, TimeProvider clock, IOptions<MailOptions> options, IHostEnvironment environment, ILogger<MailSender> logger)
    : BackgroundService
{
    public const string ViaSmtp = "smtp";
    public const string ViaPickup = "pickup";

    private MailOptions Options => options.Value;

    /// <summary>The absolute pickup folder (used when no SMTP server is configured).</summary>
    public string PickupPath => Path.GetFullPath(Path.Combine(environment.ContentRootPath, Options.PickupDirectory));

    public bool UsesSmtp => !string.IsNullOrWhiteSpace(Options.SmtpHost);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (UsesSmtp)
        {
            logger.LogInformation("E-mail: notifications are sent through SMTP {Host}:{Port}", Options.SmtpHost, Options.SmtpPort);
        }
        else
        {
            logger.LogInformation("E-mail: no SMTP server configured (Mail:SmtpHost); messages are written as .eml files to {PickupPath}", PickupPath);
        }

        using var timer = new PeriodicTimer(Options.Interval, clock);
        while (await timer.WaitForNextTickAsync(stoppingToken))
        {
            try
            {
                await RunOnceAsync(stoppingToken);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                logger.LogError(e, "E-mail outbox pass failed; retrying at the next interval");
            }
        }
    }

    /// <summary>One pass over the due rows; returns how many were sent.</summary>
    public async Task<int> RunOnceAsync(CancellationToken ct)
    {
        var sent = 0;
        while (true)
        {
            var batch = await ClaimAsync(ct);
            if (batch.Count == 0)
            {
                return sent;
            }

            foreach (var id in batch)
            {
                if (await DeliverAsync(id, ct))
                {
                    sent++;
                }
            }

            if (batch.Count < Options.BatchSize)
            {
                return sent;
            }
        }
    }

    /// <summary>Takes a lease on due rows (their next attempt moves five minutes on), so another instance skips them.</summary>
    private async Task<IReadOnlyList<Guid>> ClaimAsync(CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<CommissionDbContext>();
        var now = clock.GetUtcNow();
        var lease = now + TimeSpan.FromMinutes(5);
        var pending = MailState.Pending;
        return await db.Database.SqlQuery<Guid>($"""
            UPDATE mail_outbox SET next_attempt_at = {lease}
            WHERE id IN (SELECT id FROM mail_outbox WHERE state = {pending} AND next_attempt_at <= {now}
                         ORDER BY created_at LIMIT {Options.BatchSize} FOR UPDATE SKIP LOCKED)
            RETURNING id AS "Value"
            """).ToListAsync(ct);
    }

    private sealed record Recipient(string? Email, string Language, string[]? EmailKinds, string Zone);

    private async Task<bool> DeliverAsync(Guid id, CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<CommissionDbContext>();
        var text = scope.ServiceProvider.GetRequiredService<IStringLocalizer<SharedResource>>();
        var address = scope.ServiceProvider.GetRequiredService<IPublicAddress>();
        var row = await db.MailOutbox.SingleAsync(m => m.Id == id, ct);
        var notification = await db.Notifications.AsNoTracking().SingleAsync(n => n.Id == row.NotificationId, ct);
        var now = clock.GetUtcNow();
        var user = await db.Users.AsNoTracking().Where(u => u.PersonId == row.RecipientPersonId)
            .Select(u => new { u.Id, u.Email, u.PreferredLanguage, u.EmailKinds }).SingleOrDefaultAsync(ct);
        var personEmail = await db.People.AsNoTracking().Where(p => p.Id == row.RecipientPersonId).Select(p => p.Email).SingleOrDefaultAsync(ct);
        var email = !string.IsNullOrWhiteSpace(user?.Email) ? user.Email : personEmail;
        if (user is null)
        {
            row.Skip("no account", now);
        }
        else if (user.EmailKinds is { } kinds && !kinds.Contains(row.Kind))
        {
            row.Skip("kind not chosen", now);
        }
        else if (string.IsNullOrWhiteSpace(email) || !MailboxAddress.TryParse(email, out _))
        {
            row.Skip("no address", now);
        }
        else
        {
            var zone = await PersonZone.OfAsync(db, user.Id, row.RecipientPersonId, clock.Today(), ct);
            var language = InterfaceLanguages.IsSupported(user.PreferredLanguage) ? user.PreferredLanguage : "ru";
            var message = Compose(text, address.BaseUri, notification, email!, language, zone);
            try
            {
                var via = await SendAsync(message, ct);
                row.Sent(email!, language, message.Subject ?? string.Empty, via, clock.GetUtcNow());
                logger.LogInformation("E-mail {Kind} to person {PersonId} sent via {Via}", row.Kind, row.RecipientPersonId, via);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                row.Failed(email!, e.GetType().Name + ": " + e.Message, clock.GetUtcNow(), Options.MaxAttempts, Options.FirstRetryDelay);
                logger.LogWarning(e, "E-mail {Kind} to person {PersonId} failed (attempt {Attempts})", row.Kind, row.RecipientPersonId, row.Attempts);
            }
        }

        await db.SaveChangesAsync(ct);
        return row.State == MailState.Sent;
    }

    /// <summary>The message in the recipient's language: the notification's sentence, the link, and where to change what comes by e-mail.</summary>
    public static MimeMessage Compose(IStringLocalizer text, Uri baseUri, Notification notification, string to, string language, string zone)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(notification);
        var previous = CultureInfo.CurrentUICulture;
        try
        {
            CultureInfo.CurrentUICulture = CultureInfo.GetCultureInfo(language);
            var sentence = text[notification.TextKey, NotificationText.Arguments(notification.ArgumentList(), zone)].Value;
            var link = notification.Link is null ? null : new Uri(baseUri, notification.Link.TrimStart('/')).ToString();
            var settings = new Uri(baseUri, "Account/Settings").ToString();
            var message = new MimeMessage();
            message.To.Add(MailboxAddress.Parse(to));
            message.Subject = text["Mail.Subject", sentence].Value;
            message.Headers.Add("X-Notification-Kind", notification.Kind);
            var body = string.Join("\n\n", new[]
            {
                text["Mail.Greeting"].Value,
                sentence,
                link is null ? null : text["Mail.Open", link].Value,
                text["Mail.TimesIn", zone].Value,
                "—\n" + text["Mail.Footer", settings].Value,
            }.Where(p => p is not null));
            var part = new TextPart("plain") { Text = body };
            part.Headers.Add(HeaderId.ContentLanguage, language);
            message.Body = part;
            return message;
        }
        finally
        {
            CultureInfo.CurrentUICulture = previous;
        }
    }

    private async Task<string> SendAsync(MimeMessage message, CancellationToken ct)
    {
        message.From.Clear();
        message.From.Add(MailboxAddress.Parse(Options.From));
        if (!UsesSmtp)
        {
            Directory.CreateDirectory(PickupPath);
            var file = Path.Combine(PickupPath, $"{clock.GetUtcNow():yyyyMMdd-HHmmss}-{Guid.CreateVersion7():N}.eml");
            await message.WriteToAsync(file, ct);
            return ViaPickup;
        }

        using var client = new SmtpClient();
        var security = Enum.TryParse<SecureSocketOptions>(Options.Security, ignoreCase: true, out var s) ? s : SecureSocketOptions.StartTlsWhenAvailable;
        await client.ConnectAsync(Options.SmtpHost!, Options.SmtpPort, security, ct);
        if (!string.IsNullOrEmpty(Options.UserName))
        {
            await client.AuthenticateAsync(Options.UserName, Options.Password ?? string.Empty, ct);
        }

        await client.SendAsync(message, ct);
        await client.DisconnectAsync(quit: true, ct);
        return ViaSmtp;
    }
}
