using IntergovCommission.Domain.Audit;

namespace IntergovCommission.Domain.Tests.Audit;

public sealed class AuditChainVerifierTests
{
    private static readonly DateTimeOffset Start = new(2026, 3, 12, 5, 0, 0, TimeSpan.Zero);

    private static AuditRecord Content(int i) => new(
        Guid.CreateVersion7(), Start.AddMinutes(i), null, "kz.secretary", null, $"Step{i}.Command", $"{{\"n\":{i}}}", "[]", null, null);

    /// <summary>A correctly linked chain of <paramref name="count"/> rows.</summary>
    private static List<AuditRecord> Chain(int count)
    {
        var rows = new List<AuditRecord>();
        var previous = AuditCanonicalForm.Genesis;
        for (var i = 1; i <= count; i++)
        {
            rows.Add(Linked(Content(i), i, previous));
            previous = rows[^1].Hash!;
        }

        return rows;
    }

    private static AuditRecord Linked(AuditRecord row, long seq, string previous) =>
        row with { Seq = seq, PreviousHash = previous, Hash = AuditCanonicalForm.Hash(row, seq, previous) };

    private static CheckpointToCheck Checkpoint(AuditRecord head) => new(new AuditCheckpoint(head.Seq!.Value, head.Hash!, Start.AddDays(1)), "file", true);

    [Fact]
    public void An_untouched_chain_is_intact_with_its_length_and_head()
    {
        var rows = Chain(5);
        var result = AuditChainVerifier.Verify(rows, [Checkpoint(rows[2]), Checkpoint(rows[4])]);
        Assert.True(result.Intact);
        Assert.Equal(5, result.Length);
        Assert.Equal(rows[4].Hash, result.HeadHash);
        Assert.Equal(2, result.CheckpointsChecked);
    }

    [Fact]
    public void An_empty_trail_is_intact()
    {
        var result = AuditChainVerifier.Verify([], []);
        Assert.True(result.Intact);
        Assert.Equal(0, result.Length);
        Assert.Equal(AuditCanonicalForm.Genesis, result.HeadHash);
    }

    [Fact]
    public void A_row_whose_content_was_changed_is_named()
    {
        var rows = Chain(5);
        rows[2] = rows[2] with { Request = "{\"n\":99}" };
        var broken = AuditChainVerifier.Verify(rows, []).Break;
        Assert.Equal(new { Kind = AuditBreakKind.RowChanged, Seq = 3L, Id = (Guid?)rows[2].Id }, new { broken!.Kind, broken.Seq, Id = broken.EntryId });
    }

    [Fact]
    public void A_row_changed_with_its_hash_recomputed_is_named_by_the_link_after_it()
    {
        var rows = Chain(5);
        rows[2] = Linked(rows[2] with { Request = "{\"n\":99}" }, 3, rows[1].Hash!);
        var broken = AuditChainVerifier.Verify(rows, []).Break;
        Assert.Equal((AuditBreakKind.RowChanged, 3L), (broken!.Kind, broken.Seq));
    }

    [Fact]
    public void A_deleted_middle_row_is_named()
    {
        var rows = Chain(5);
        rows.RemoveAt(2);
        var broken = AuditChainVerifier.Verify(rows, []).Break;
        Assert.Equal((AuditBreakKind.RowDeleted, 3L), (broken!.Kind, broken.Seq));
    }

    [Fact]
    public void A_deleted_row_with_the_rest_renumbered_is_still_a_deletion()
    {
        var rows = Chain(5);
        rows.RemoveAt(2);
        rows[2] = rows[2] with { Seq = 3 };
        rows[3] = rows[3] with { Seq = 4 };
        var broken = AuditChainVerifier.Verify(rows, []).Break;
        Assert.Equal((AuditBreakKind.RowDeleted, 3L), (broken!.Kind, broken.Seq));
    }

    [Fact]
    public void Rows_cut_off_the_end_are_named_by_a_checkpoint_that_saw_them()
    {
        var rows = Chain(5);
        var checkpoint = Checkpoint(rows[4]);
        rows.RemoveRange(3, 2);
        Assert.True(AuditChainVerifier.Verify(rows, []).Intact, "without a checkpoint a cut end cannot be seen");
        var broken = AuditChainVerifier.Verify(rows, [checkpoint]).Break;
        Assert.Equal((AuditBreakKind.RowsCutOff, 4L), (broken!.Kind, broken.Seq));
    }

    [Fact]
    public void A_forged_row_slipped_in_with_the_rest_moved_down_is_named()
    {
        var rows = Chain(5);
        var forged = Linked(Content(99), 3, rows[1].Hash!);
        var moved = rows.Skip(2).Select(r => r with { Seq = r.Seq + 1 }).ToList();
        var tampered = rows.Take(2).Append(forged).Concat(moved).ToList();
        var broken = AuditChainVerifier.Verify(tampered, []).Break;
        Assert.Equal((AuditBreakKind.RowInserted, 3L, (Guid?)forged.Id), (broken!.Kind, broken.Seq, broken.EntryId));
    }

    [Fact]
    public void A_row_outside_the_chain_is_named_as_inserted()
    {
        var rows = Chain(3);
        var outside = Content(42);
        var broken = AuditChainVerifier.Verify(rows.Append(outside), []).Break;
        Assert.Equal((AuditBreakKind.RowInserted, (Guid?)outside.Id), (broken!.Kind, broken.EntryId));
    }

    [Fact]
    public void A_chain_rewritten_from_scratch_is_caught_by_a_checkpoint()
    {
        var original = Chain(4);
        var checkpoint = Checkpoint(original[3]);
        var rewritten = new List<AuditRecord>();
        var previous = AuditCanonicalForm.Genesis;
        for (var i = 0; i < 4; i++)
        {
            rewritten.Add(Linked(original[i] with { UserName = i == 1 ? "someone.else" : original[i].UserName }, i + 1, previous));
            previous = rewritten[^1].Hash!;
        }

        Assert.True(AuditChainVerifier.Verify(rewritten, []).Intact);
        var broken = AuditChainVerifier.Verify(rewritten, [checkpoint]).Break;
        Assert.Equal((AuditBreakKind.RowChanged, 4L), (broken!.Kind, broken.Seq));
    }

    [Fact]
    public void The_first_broken_link_is_reported_when_there_are_several()
    {
        var rows = Chain(6);
        rows[4] = rows[4] with { Action = "Forged" };
        rows.RemoveAt(1);
        var broken = AuditChainVerifier.Verify(rows, []).Break;
        Assert.Equal((AuditBreakKind.RowDeleted, 2L), (broken!.Kind, broken.Seq));
    }
}
