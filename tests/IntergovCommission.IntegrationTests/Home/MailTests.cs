using System.Buffers;
using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;
using IntergovCommission.Testing;
using IntergovCommission.Web.Data;
using IntergovCommission.Web.Features.Account;
using IntergovCommission.Web.Features.Live;
using IntergovCommission.Web.Features.Notifications;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MimeKit;
using SmtpServer;
using SmtpServer.Protocol;
using SmtpServer.Storage;

namespace IntergovCommission.IntegrationTests.Home;

/// <summary>
/// Issue 15 item 5: e-mail through a real SMTP server in this process (SmtpServer), read as it arrived; without a
/// server, .eml files in the pickup folder. Each person gets only the kinds they chose, in their own language.
/// </summary>
public sealed class MailTests
{
    [Fact]
    public async Task Mail_arrives_at_the_smtp_server_in_the_persons_language_and_only_for_the_kinds_they_chose()
    {
        await using var smtp = await InProcessSmtp.StartAsync();
        await using var app = await TestApp.CreateAsync(settings: new Dictionary<string, string?>
        {
            ["Mail:SmtpHost"] = "127.0.0.1",
            ["Mail:SmtpPort"] = smtp.Port.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["Mail:Security"] = "None",
        });
        await app.QueryAsync(db => db.Users.Where(u => u.UserName == "kz.member").ExecuteUpdateAsync(s => s.SetProperty(u => u.PreferredLanguage, "kk")));
        await app.QueryAsync(db => db.Users.Where(u => u.UserName == "ru.deputy").ExecuteUpdateAsync(s => s.SetProperty(u => u.PreferredLanguage, "en")));
        // The Russian member wants only the published agenda by e-mail, not votes.
        await app.SendAsAsync("ru.member", new SaveMySettings.Command { EmailKinds = [SessionEvents.AgendaApprovedKind] });

        var (sessionId, itemId) = await LiveScenario.StartedSessionAsync(app);
        await LiveScenario.RegisterEveryoneAsync(app, sessionId);
        await app.SendAsAsync("kz.cochair", new OpenBallot.Command(sessionId, itemId));
        await app.Services.GetRequiredService<MailSender>().RunOnceAsync(CancellationToken.None);

        var votes = smtp.Received.Where(m => m.Headers["X-Notification-Kind"] == SessionEvents.VoteOpenedKind).ToList();
        var kazakh = Assert.Single(votes, m => m.To.Mailboxes.Any(a => a.Address == "kz.member@demo.local"));
        Assert.Equal("kk", kazakh.Body!.Headers["Content-Language"]);
        Assert.StartsWith("Мемлекетаралық комиссия:", kazakh.Subject, StringComparison.Ordinal);
        Assert.Contains("дауыс беру ашылды", kazakh.Subject, StringComparison.Ordinal);
        Assert.Contains($"/Sessions/Live/{sessionId}", kazakh.TextBody, StringComparison.Ordinal);
        var english = Assert.Single(votes, m => m.To.Mailboxes.Any(a => a.Address == "ru.deputy@demo.local"));
        Assert.StartsWith("Interstate Commission: A vote is open", english.Subject, StringComparison.Ordinal);
        Assert.DoesNotContain(votes, m => m.To.Mailboxes.Any(a => a.Address == "ru.member@demo.local"));
        var russian = Assert.Single(smtp.Received, m => m.To.Mailboxes.Any(a => a.Address == "ru.cochair@demo.local") && m.Headers["X-Notification-Kind"] == SessionEvents.VoteOpenedKind);
        Assert.StartsWith("Межгосударственная комиссия: Открыто голосование", russian.Subject, StringComparison.Ordinal);

        // The outbox says what happened to each: sent through SMTP, or skipped because the kind was not chosen.
        var ruMember = await app.QueryAsync(db => db.Users.Where(u => u.UserName == "ru.member").Select(u => u.PersonId!.Value).SingleAsync());
        var skipped = await app.QueryAsync(db => db.MailOutbox.SingleAsync(m => m.RecipientPersonId == ruMember && m.Kind == SessionEvents.VoteOpenedKind));
        Assert.Equal(MailState.Skipped, skipped.State);
        Assert.True(await app.QueryAsync(db => db.MailOutbox.AnyAsync(m => m.State == MailState.Sent && m.DeliveredVia == MailSender.ViaSmtp && m.Language == "kk")));
    }

    [Fact]
    public async Task Without_an_smtp_server_messages_are_written_to_the_pickup_folder()
    {
        await using var app = await TestApp.CreateAsync();
        var (sessionId, itemId) = await LiveScenario.StartedSessionAsync(app);
        await LiveScenario.RegisterEveryoneAsync(app, sessionId);
        await app.SendAsAsync("kz.cochair", new OpenBallot.Command(sessionId, itemId));

        var sent = await app.Services.GetRequiredService<MailSender>().RunOnceAsync(CancellationToken.None);

        Assert.True(sent > 0);
        var files = Directory.GetFiles(app.MailPickupDirectory, "*.eml");
        Assert.Equal(sent, files.Length);
        var messages = await Task.WhenAll(files.Select(f => MimeMessage.LoadAsync(f)));
        var member = Assert.Single(messages, m => m.To.Mailboxes.Any(a => a.Address == "kz.member@demo.local") && m.Headers["X-Notification-Kind"] == SessionEvents.VoteOpenedKind);
        Assert.StartsWith("Межгосударственная комиссия: Открыто голосование", member.Subject, StringComparison.Ordinal);
        Assert.True(await app.QueryAsync(db => db.MailOutbox.AllAsync(m => m.State != MailState.Sent || m.DeliveredVia == MailSender.ViaPickup)));
    }

    [Fact]
    public async Task A_failed_send_is_retried_later_and_kept_pending()
    {
        await using var app = await TestApp.CreateAsync(settings: new Dictionary<string, string?>
        {
            ["Mail:SmtpHost"] = "127.0.0.1",
            ["Mail:SmtpPort"] = FreePort().ToString(System.Globalization.CultureInfo.InvariantCulture), // nobody listens
            ["Mail:Security"] = "None",
        });
        var (sessionId, itemId) = await LiveScenario.StartedSessionAsync(app);
        await LiveScenario.RegisterEveryoneAsync(app, sessionId);
        await app.SendAsAsync("kz.cochair", new OpenBallot.Command(sessionId, itemId));

        Assert.Equal(0, await app.Services.GetRequiredService<MailSender>().RunOnceAsync(CancellationToken.None));

        var member = await app.QueryAsync(db => db.Users.Where(u => u.UserName == "kz.member").Select(u => u.PersonId!.Value).SingleAsync());
        var row = await app.QueryAsync(db => db.MailOutbox.SingleAsync(m => m.RecipientPersonId == member && m.Kind == SessionEvents.VoteOpenedKind));
        Assert.Equal(MailState.Pending, row.State);
        Assert.Equal(1, row.Attempts);
        Assert.NotNull(row.LastError);
        Assert.True(row.NextAttemptAt > DateTimeOffset.UtcNow);
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    /// <summary>A real SMTP server on a loopback port that keeps every message it receives.</summary>
    private sealed class InProcessSmtp : MessageStore, IAsyncDisposable
    {
        private readonly CancellationTokenSource _stop = new();
        private readonly ConcurrentQueue<MimeMessage> _received = new();
        private Task? _running;

        public int Port { get; private set; }

        public IReadOnlyList<MimeMessage> Received => [.. _received];

        public static Task<InProcessSmtp> StartAsync()
        {
            var smtp = new InProcessSmtp { Port = FreePort() };
            var options = new SmtpServerOptionsBuilder().ServerName("localhost")
                .Endpoint(e => e.Endpoint(new IPEndPoint(IPAddress.Loopback, smtp.Port))).Build();
            var services = new SmtpServer.ComponentModel.ServiceProvider();
            services.Add(smtp);
            smtp._running = new SmtpServer.SmtpServer(options, services).StartAsync(smtp._stop.Token);
            return Task.FromResult(smtp);
        }

        public override async Task<SmtpResponse> SaveAsync(ISessionContext context, IMessageTransaction transaction, ReadOnlySequence<byte> buffer, CancellationToken cancellationToken)
        {
            using var stream = new MemoryStream(buffer.ToArray());
            _received.Enqueue(await MimeMessage.LoadAsync(stream, cancellationToken));
            return SmtpResponse.Ok;
        }

        public async ValueTask DisposeAsync()
        {
            await _stop.CancelAsync();
            if (_running is not null)
            {
                try
                {
                    await _running;
                }
                catch (OperationCanceledException)
                {
                }
            }

            _stop.Dispose();
        }
    }
}
