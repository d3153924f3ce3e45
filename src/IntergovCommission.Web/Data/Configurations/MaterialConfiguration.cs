using IntergovCommission.Domain.Commissions;
using IntergovCommission.Domain.Sessions;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace IntergovCommission.Web.Data.Configurations;

public sealed class MaterialConfiguration : IEntityTypeConfiguration<Material>
{
    /// <summary>KZRU-13: the same bytes are posted once per agenda item.</summary>
    public const string SameFileIndex = "ix_materials_agenda_item_id_sha256";
    /// <summary>KZRU-13: one version number per document of an item (two uploads at once: one wins).</summary>
    public const string VersionIndex = "ix_materials_agenda_item_id_title_version_number";

    public void Configure(EntityTypeBuilder<Material> builder)
    {
        builder.ToTable("materials");
        builder.HasKey(m => m.Id);
        builder.Property(m => m.Id).ValueGeneratedNever();
        builder.Property(m => m.Title).HasMaxLength(300).IsRequired();
        builder.Property(m => m.FileName).HasMaxLength(255).IsRequired();
        builder.Property(m => m.FileType).HasConversion<string>().HasMaxLength(16);
        builder.Property(m => m.Sha256).HasMaxLength(64).IsRequired();
        builder.HasIndex(m => new { m.AgendaItemId, m.Sha256 }).IsUnique().HasDatabaseName(SameFileIndex);
        builder.HasIndex(m => new { m.AgendaItemId, m.Title, m.VersionNumber }).IsUnique().HasDatabaseName(VersionIndex);
        builder.HasIndex(m => m.SessionId);
        builder.HasOne<Session>().WithMany().HasForeignKey(m => m.SessionId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<AgendaItem>().WithMany().HasForeignKey(m => m.AgendaItemId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<StoredFile>().WithMany().HasForeignKey(m => m.FileId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Person>().WithMany().HasForeignKey(m => m.SubmittedByPersonId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Person>().WithMany().HasForeignKey(m => m.UploadedByPersonId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Side>().WithMany().HasForeignKey(m => m.ThroughSideId).OnDelete(DeleteBehavior.Restrict);
    }
}
