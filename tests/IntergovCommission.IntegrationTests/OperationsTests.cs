using IntergovCommission.Testing;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;

namespace IntergovCommission.IntegrationTests;

/// <summary>The operations settings of docs/operations.md do what they say.</summary>
public sealed class OperationsTests
{
    [Fact]
    public async Task Data_protection_keys_are_kept_in_the_configured_folder()
    {
        var folder = Path.Combine(Path.GetTempPath(), "intergov-keys-" + Guid.NewGuid().ToString("N"));
        try
        {
            await using var app = await TestApp.CreateAsync(seedDemo: false);
            await using var configured = app.WithWebHostBuilder(b => b.UseSetting("DataProtection:KeysDirectory", folder));
            using var client = configured.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });

            // The sign-in form carries an antiforgery token: the first protected payload makes the key.
            using var response = await client.GetAsync(new Uri("/Account/Login", UriKind.Relative));

            Assert.Equal(System.Net.HttpStatusCode.OK, response.StatusCode);
            Assert.NotEmpty(Directory.GetFiles(folder, "key-*.xml"));
        }
        finally
        {
            if (Directory.Exists(folder))
            {
                Directory.Delete(folder, recursive: true);
            }
        }
    }

    [Theory]
    [InlineData(true, true)]
    [InlineData(false, false)]
    public async Task Cookies_are_secure_behind_a_TLS_proxy_only_when_ReverseProxy_is_enabled(bool enabled, bool secure)
    {
        await using var app = await TestApp.CreateAsync(seedDemo: false);
        await using var configured = app.WithWebHostBuilder(b => b.UseSetting("ReverseProxy:Enabled", enabled ? "true" : "false"));
        using var client = configured.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        using var request = new HttpRequestMessage(HttpMethod.Get, new Uri("/Account/Login", UriKind.Relative));
        request.Headers.Add("X-Forwarded-Proto", "https");
        request.Headers.Add("X-Forwarded-For", "203.0.113.7");

        using var response = await client.SendAsync(request);

        var cookie = Assert.Single(response.Headers.GetValues("Set-Cookie"), c => c.StartsWith("intergov.af=", StringComparison.Ordinal));
        Assert.Equal(secure, cookie.Contains("; secure", StringComparison.OrdinalIgnoreCase));
    }
}
