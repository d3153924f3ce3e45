using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using IntergovCommission.Domain.Audit;

namespace IntergovCommission.Domain.Tests.Audit;

public sealed class AuditCheckpointTests
{
    private static X509Certificate2 Certificate()
    {
        using var rsa = RSA.Create(2048);
        var request = new CertificateRequest("CN=Audit test", rsa, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        return request.CreateSelfSigned(DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddDays(1));
    }

    private static readonly string Head = new('a', 64);

    [Fact]
    public void A_checkpoint_is_signed_over_its_statement_and_verifies_with_the_certificate()
    {
        using var certificate = Certificate();
        var checkpoint = AuditCheckpoint.Create(42, Head, new DateTimeOffset(2026, 3, 12, 5, 0, 0, 500, TimeSpan.Zero), certificate);
        Assert.Equal($"intergov-audit-checkpoint/1\nlength 42\nhead {Head}\nat 2026-03-12T05:00:00Z\n", checkpoint.Statement);
        Assert.True(checkpoint.IsSignedBy(certificate));
        Assert.False((checkpoint with { Length = 43 }).IsSignedBy(certificate), "a changed length no longer verifies");
        using var other = Certificate();
        Assert.False(checkpoint.IsSignedBy(other), "another certificate's key does not verify it");
        Assert.False((checkpoint with { Signature = "not base64!" }).IsSignedBy(certificate));
    }

    [Fact]
    public void The_text_form_reads_back_with_its_signature()
    {
        using var certificate = Certificate();
        var checkpoint = AuditCheckpoint.Create(7, Head, DateTimeOffset.UtcNow, certificate);
        var read = AuditCheckpoint.Parse("some note\n" + checkpoint.ToText());
        Assert.Equal(checkpoint, read);
        Assert.True(read!.IsSignedBy(certificate));
    }

    [Theory]
    [InlineData("Audit checkpoint 1234/AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA", 1234)]
    [InlineData("1234 / aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa", 1234)]
    public void The_compact_form_printed_in_a_decision_reads_back(string text, long length)
    {
        var read = AuditCheckpoint.Parse(text);
        Assert.NotNull(read);
        Assert.Equal(length, read.Length);
        Assert.Equal(Head, read.HeadHash);
        Assert.Null(read.Signature);
    }

    [Theory]
    [InlineData("")]
    [InlineData("hello")]
    [InlineData("12/abc")]
    [InlineData("length 12\nhead xyz")]
    public void Text_that_is_no_checkpoint_is_not_read(string text) => Assert.Null(AuditCheckpoint.Parse(text));
}
